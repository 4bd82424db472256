import { describe, expect, it } from "vitest";
import {
  ZDecision,
  ZHomeStep,
  ZHousingStep,
  ZIdentityStep,
  ZLanguagesStep,
  ZQueueQuery,
  ZStudyStep,
} from "@/lib/applications/schemas";

const identity = {
  firstName: "Zoé",
  lastName: "Müller",
  dateOfBirth: "2003-05-14",
  nationality: "de",
  contactEmail: "Zoe@Example.org",
  phone: "+49 721 608 0",
  addressLine: "Kaiserstraße 12",
  postalCode: "",
  city: "Karlsruhe",
  country: "DE",
};

const issueOf = (
  result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } },
  field: string,
) => result.error?.issues.find((issue) => issue.path.join(".") === field)?.message;

describe("identity step", () => {
  it("normalises what it accepts", () => {
    const parsed = ZIdentityStep.parse(identity);
    expect(parsed).toMatchObject({ nationality: "DE", contactEmail: "zoe@example.org", postalCode: null });
    expect(parsed.dateOfBirth.toISOString()).toBe("2003-05-14T00:00:00.000Z");
  });

  it.each([
    ["firstName", "", "required"],
    ["firstName", "x".repeat(101), "tooLong"],
    ["dateOfBirth", "14/05/2003", "dateInvalid"],
    ["dateOfBirth", "2025-01-01", "dateOfBirthInvalid"],
    ["dateOfBirth", "1900-01-01", "dateOfBirthInvalid"],
    ["nationality", "XX", "countryInvalid"],
    ["phone", "call me", "phoneInvalid"],
    ["contactEmail", "not-an-email", "emailInvalid"],
  ])("refuses %s = %j (%s)", (field, value, message) => {
    expect(issueOf(ZIdentityStep.safeParse({ ...identity, [field]: value }), field)).toBe(message);
  });

  it("refuses unknown keys and wrong types", () => {
    expect(ZIdentityStep.safeParse({ ...identity, studentId: "someone-else" }).success).toBe(false);
    expect(ZIdentityStep.safeParse({ ...identity, firstName: 42 }).success).toBe(false);
  });
});

describe("home step (R-ELI-2 nomination)", () => {
  const home = {
    partnerId: "0b7c2f55-0a4e-4c1e-9a51-4c8c0f1e2d3a",
    homeCoordinatorName: "Dr. Weber",
    homeCoordinatorEmail: "weber@kit.edu",
    nominatedBy: "KIT International Office",
    nominatedOn: "2026-10-01",
  };
  it("accepts a nomination", () => expect(ZHomeStep.safeParse(home).success).toBe(true));
  it.each([
    ["partnerId", "not-a-uuid"],
    ["nominatedOn", "2099-01-01"],
    ["nominatedOn", "2010-01-01"],
    ["homeCoordinatorEmail", "weber"],
  ])("refuses %s = %s", (field, value) => {
    expect(ZHomeStep.safeParse({ ...home, [field]: value }).success).toBe(false);
  });
});

describe("study step (R-ELI-4, R-ELI-5)", () => {
  const year = new Date().getUTCFullYear();
  const form = {
    componentId: "0b7c2f55-0a4e-4c1e-9a51-4c8c0f1e2d3a",
    programmeId: "",
    studyLevel: "MASTER",
    period: "S1",
    academicYear: String(year),
    courseTitle: ["Photonics", "", "French B1"],
    courseEcts: ["6", "", "3"],
    courseSemester: ["S1", "S1", "S1"],
  };
  it("turns the course rows into planned courses, skipping empty rows", () => {
    const parsed = ZStudyStep.parse(form);
    expect(parsed.programmeId).toBeNull();
    expect(parsed.academicYear).toBe(year);
    expect(parsed.plannedCourses).toEqual([
      { title: "Photonics", ects: 6, semester: "S1" },
      { title: "French B1", ects: 3, semester: "S1" },
    ]);
  });
  it.each([
    ["no course", { courseTitle: [""], courseEcts: [""], courseSemester: ["S1"] }, "plannedCourses", "coursesRequired"],
    ["ECTS of 0", { courseTitle: "X", courseEcts: "0", courseSemester: "S1" }, "plannedCourses.0.ects", "ectsInvalid"],
    [
      "ECTS of 2.5",
      { courseTitle: "X", courseEcts: "2.5", courseSemester: "S1" },
      "plannedCourses.0.ects",
      "ectsInvalid",
    ],
    ["a period that does not exist", { period: "S3" }, "period", "required"],
    ["a year far away", { academicYear: String(year + 5) }, "academicYear", "academicYearInvalid"],
  ])("refuses %s", (_label, change, field, message) => {
    expect(issueOf(ZStudyStep.safeParse({ ...form, ...change }), field)).toBe(message);
  });
});

describe("languages and housing steps", () => {
  it.each([
    [
      { frenchLevel: "B1", englishLevel: "UNKNOWN" },
      { frenchLevel: "B1", englishLevel: null },
    ],
    [
      { frenchLevel: "UNKNOWN", englishLevel: "C2" },
      { frenchLevel: null, englishLevel: "C2" },
    ],
  ])("languages %j → %j", (input, output) => {
    expect(ZLanguagesStep.parse(input)).toEqual(output);
  });
  it("refuses a level that is not CEFR", () =>
    expect(ZLanguagesStep.safeParse({ frenchLevel: "B3", englishLevel: "B2" }).success).toBe(false));

  it.each([
    [
      { housingRequested: "yes", housingCity: "MARSEILLE", housingNeeds: "ground floor" },
      { housingRequested: true, housingCity: "MARSEILLE", housingNeeds: "ground floor" },
    ],
    [
      { housingRequested: "no", housingCity: "AIX", housingNeeds: "ignored" },
      { housingRequested: false, housingCity: null, housingNeeds: null },
    ],
  ])("housing %j → %j", (input, output) => {
    expect(ZHousingStep.parse(input)).toEqual(output);
  });
  it("asks for a city when a room is requested", () => {
    expect(issueOf(ZHousingStep.safeParse({ housingRequested: "yes", housingCity: "" }), "housingCity")).toBe(
      "required",
    );
  });
});

describe("decisions", () => {
  const id = "0b7c2f55-0a4e-4c1e-9a51-4c8c0f1e2d3a";
  it.each([
    [{ applicationId: id, expectedStatus: "SUBMITTED", decision: "startReview" }, true],
    [
      { applicationId: id, expectedStatus: "UNDER_REVIEW", decision: "requestChanges", message: "Add your transcript" },
      true,
    ],
    [{ applicationId: id, expectedStatus: "UNDER_REVIEW", decision: "requestChanges", message: "  " }, false],
    [{ applicationId: id, expectedStatus: "UNDER_REVIEW", decision: "reject", message: "" }, false],
    [{ applicationId: id, expectedStatus: "UNDER_REVIEW", decision: "accept", message: "" }, true],
    [{ applicationId: id, expectedStatus: "ACCEPTED", decision: "reject", message: "late" }, false],
    [{ applicationId: id, expectedStatus: "SUBMITTED", decision: "delete" }, false],
    [{ applicationId: "1", expectedStatus: "SUBMITTED", decision: "startReview" }, false],
  ])("%j → valid %s", (input, valid) => {
    expect(ZDecision.safeParse(input).success).toBe(valid);
  });
});

describe("queue query (from the URL: lenient)", () => {
  it("ignores values it does not know instead of failing the page", () => {
    expect(ZQueueQuery.parse({ status: "HACKED", year: "abc", partner: "x", sort: "name", q: " Zoé " })).toEqual({
      sort: "name",
      q: "Zoé",
    });
  });
});
