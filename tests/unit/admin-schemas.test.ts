import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZCreateAgreement, ZUpdateAgreement } from "@/lib/agreements/schemas";
import { ZComponentCorrespondent, ZCreateComponent, ZUpdateComponent } from "@/lib/components/schemas";
import { ZCreatePartner, ZDeletePartner, ZUpdatePartner } from "@/lib/partners/schemas";
import { ZCreateProgramme, ZUpdateProgramme } from "@/lib/programmes/schemas";
import { ZDriContacts } from "@/lib/settings/schemas";
import { ZChangeRole, ZCreateStaffAccount, ZSetAccountDisabled } from "@/lib/users/schemas";

type Row = [label: string, input: Record<string, unknown>, field: string, message: string];

/** The message (a key of errors.validation.*) the schema gives on `field`, or undefined when it accepts the input. */
function messageOn(schema: z.ZodType, input: unknown, field: string): string | undefined {
  const result = schema.safeParse(input);
  if (result.success) return undefined;
  return (
    result.error.issues.find((issue) => issue.path.join(".") === field)?.message ??
    `no issue on ${field}: ${JSON.stringify(result.error.issues)}`
  );
}

function refusesUnknownKeys(schema: z.ZodType, valid: Record<string, unknown>) {
  const result = schema.safeParse({ ...valid, createdAt: "2020-01-01" });
  expect(result.success).toBe(false);
  expect(result.error!.issues.map((issue) => issue.code)).toContain("unrecognized_keys");
}

const id = randomUUID();

// ---------------------------------------------------------------------------------------------

describe("partner institutions (R-PAR-2)", () => {
  const network = randomUUID();
  // As a form sends it: every value a string.
  const valid = {
    name: " Tampere University ",
    country: "fi",
    city: "Tampere",
    erasmusCode: "sf  tampere17",
    networkIds: [network, network],
  };

  it("accepts a valid partner and normalises it", () => {
    expect(ZCreatePartner.parse(valid)).toEqual({
      name: "Tampere University",
      country: "FI",
      city: "Tampere",
      erasmusCode: "SF TAMPERE17",
      ewpHeiId: null,
      networkIds: [network],
    });
  });

  it.each([
    [" UW.edu.PL ", "uw.edu.pl"],
    ["univ-amu.fr", "univ-amu.fr"],
  ])("takes the EWP code %j as %j", (code, stored) => {
    expect(ZCreatePartner.parse({ ...valid, ewpHeiId: code }).ewpHeiId).toBe(stored);
  });

  it.each(["uw", "uw..pl", "-uw.pl", "uw edu.pl"])("refuses the EWP code %j", (code) => {
    const parsed = ZCreatePartner.safeParse({ ...valid, ewpHeiId: code });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("ewpHeiIdInvalid");
  });

  it("takes an empty Erasmus code and no network ticked as none; one box ticked as a list", () => {
    const parsed = ZCreatePartner.parse({ ...valid, erasmusCode: "", networkIds: undefined });
    expect(parsed.erasmusCode).toBeNull();
    expect(parsed.networkIds).toEqual([]);
    expect(ZCreatePartner.parse({ name: "UC Davis", country: "US", city: "Davis" })).toMatchObject({
      erasmusCode: null,
      networkIds: [],
    });
    expect(ZCreatePartner.parse({ ...valid, networkIds: network }).networkIds).toEqual([network]);
  });

  it.each<Row>([
    ["a missing name", { ...valid, name: "  " }, "name", "required"],
    ["a name of 201 characters", { ...valid, name: "x".repeat(201) }, "name", "tooLong"],
    ["a missing country", { ...valid, country: "" }, "country", "required"],
    ["a country that is not ISO 3166-1", { ...valid, country: "XX" }, "country", "countryInvalid"],
    ["a country name instead of its code", { ...valid, country: "Finland" }, "country", "countryInvalid"],
    ["a missing city", { ...valid, city: "" }, "city", "required"],
    [
      "an Erasmus code without its country prefix",
      { ...valid, erasmusCode: "TAMPERE17" },
      "erasmusCode",
      "erasmusCodeInvalid",
    ],
    ["an Erasmus code of 21 characters", { ...valid, erasmusCode: `SF ${"T".repeat(18)}` }, "erasmusCode", "tooLong"],
    ["a network named instead of ticked", { ...valid, networkIds: ["AUF"] }, "networkIds.0", "invalid"],
    ["51 networks", { ...valid, networkIds: Array.from({ length: 51 }, () => randomUUID()) }, "networkIds", "tooMany"],
  ])("refuses %s", (_label, input, field, message) => {
    expect(messageOn(ZCreatePartner, input, field)).toBe(message);
  });

  it("refuses unknown keys (no id or date set through the form)", () => {
    refusesUnknownKeys(ZCreatePartner, valid);
    refusesUnknownKeys(ZUpdatePartner, { ...valid, id });
    refusesUnknownKeys(ZDeletePartner, { id });
  });

  it("needs the id of the partner to edit or delete", () => {
    expect(messageOn(ZUpdatePartner, valid, "id")).toBe("required");
    expect(messageOn(ZDeletePartner, { id: "42" }, "id")).toBe("required");
    expect(ZUpdatePartner.parse({ ...valid, id }).id).toBe(id);
  });
});

// ---------------------------------------------------------------------------------------------

describe("agreements (R-PAR-1, R-ELI-1, R-ELI-6)", () => {
  const components = [randomUUID(), randomUUID()];
  const valid = {
    partnerId: id,
    kind: "ERASMUS_PLUS",
    componentIds: components,
    studyLevels: ["BACHELOR", "MASTER"],
    firstAcademicYear: "2026",
    lastAcademicYear: "2030",
    incomingSeatsPerYear: "4",
  };

  it("accepts a valid agreement and turns the typed numbers into numbers", () => {
    expect(ZCreateAgreement.parse(valid)).toEqual({
      ...valid,
      firstAcademicYear: 2026,
      lastAcademicYear: 2030,
      incomingSeatsPerYear: 4,
      // Fields the form always sends; code that omits them records a signed agreement with none.
      status: "SIGNED",
      eqfLevels: [],
      iscedCodes: [],
      languageRequirements: [],
      instructionLanguages: [],
      bachelorSeatsPerYear: null,
      masterSeatsPerYear: null,
      doctorateSeatsPerYear: null,
      periods: [],
      signedOn: null,
    });
  });

  it.each([
    ["EQF levels, deduplicated and in order", { eqfLevels: ["8", "6", "8"] }, { eqfLevels: [6, 8] }],
    ["ISCED-F codes from one field", { iscedCodes: " 0314,0421 , 0314," }, { iscedCodes: ["0314", "0421"] }],
    [
      "language levels normalised",
      { languageRequirements: "FR:b2, es:NS" },
      { languageRequirements: ["fr:B2", "es:NS"] },
    ],
    ["one period ticked", { periods: "FULL_YEAR" }, { periods: ["FULL_YEAR"] }],
    ["a signing date", { signedOn: "2025-03-14" }, { signedOn: new Date("2025-03-14T00:00:00Z") }],
    ["an empty signing date", { signedOn: "" }, { signedOn: null }],
    ["a status", { status: "DRAFT" }, { status: "DRAFT" }],
    ["languages of instruction", { instructionLanguages: "FR, en,fr" }, { instructionLanguages: ["fr", "en"] }],
    [
      "seats per level within the total",
      { bachelorSeatsPerYear: "1", masterSeatsPerYear: "3", doctorateSeatsPerYear: "" },
      { bachelorSeatsPerYear: 1, masterSeatsPerYear: 3, doctorateSeatsPerYear: null },
    ],
    [
      "seats per level when the agreement sets no total",
      { incomingSeatsPerYear: "0", masterSeatsPerYear: "9" },
      { masterSeatsPerYear: 9 },
    ],
    ["a kind code typed in lower case", { kind: " bci_quebec " }, { kind: "BCI_QUEBEC" }],
  ])("reads the registry's %s", (_name, input, expected) => {
    expect(ZCreateAgreement.parse({ ...valid, ...input })).toMatchObject(expected);
  });

  it.each([
    ["an EQF level of 4", { eqfLevels: "4" }, "eqfLevels", "invalid"],
    ["a five-digit ISCED-F code", { iscedCodes: "03141" }, "iscedCodes", "iscedInvalid"],
    ["a language with no level", { languageRequirements: "fr" }, "languageRequirements", "languageRequirementInvalid"],
    ["a period that does not exist", { periods: "S3" }, "periods", "invalid"],
    ["a date that does not exist", { signedOn: "2025-02-30" }, "signedOn", "dateInvalid"],
    ["an empty status", { status: "" }, "status", "required"],
    ["an unknown status", { status: "ARCHIVED" }, "status", "invalid"],
    [
      "a language of instruction by name",
      { instructionLanguages: "French" },
      "instructionLanguages",
      "languageCodeInvalid",
    ],
    ["negative seats for a level", { masterSeatsPerYear: "-2" }, "masterSeatsPerYear", "seatsInvalid"],
    [
      "seats for a level the agreement does not cover",
      { doctorateSeatsPerYear: "1" },
      "doctorateSeatsPerYear",
      "levelSeatsNotCovered",
    ],
    [
      "seats per level above the seats per year",
      { bachelorSeatsPerYear: "3", masterSeatsPerYear: "2" },
      "incomingSeatsPerYear",
      "levelSeatsOverTotal",
    ],
  ])("refuses %s on its field", (_name, input, field, message) => {
    const result = ZCreateAgreement.safeParse({ ...valid, ...input });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [field], message }));
  });

  it("accepts one ticked box (a form sends a single string), and a one-year agreement with 0 seats", () => {
    const parsed = ZCreateAgreement.parse({
      ...valid,
      componentIds: components[0],
      studyLevels: "DOCTORATE",
      lastAcademicYear: "2026",
      incomingSeatsPerYear: "0",
    });
    expect(parsed).toMatchObject({
      componentIds: [components[0]],
      studyLevels: ["DOCTORATE"],
      firstAcademicYear: 2026,
      lastAcademicYear: 2026,
      incomingSeatsPerYear: 0,
    });
  });

  it.each(["ERASMUS_PLUS", "ERASMUS_MUNDUS", "BCI_QUEBEC", "BILATERAL", "DOUBLE_DEGREE", "STRATEGIC_PARTNERSHIP"])(
    "R-PAR-1: accepts the kind %s",
    (kind) => {
      expect(ZCreateAgreement.safeParse({ ...valid, kind }).success).toBe(true);
    },
  );

  it.each<Row>([
    ["a missing partner", { ...valid, partnerId: "" }, "partnerId", "required"],
    ["a kind that is not a code", { ...valid, kind: "Erasmus+" }, "kind", "agreementKindCodeInvalid"],
    ["no kind", { ...valid, kind: "" }, "kind", "required"],
    ["no component ticked", { ...valid, componentIds: undefined }, "componentIds", "chooseAtLeastOne"],
    ["a component id that is not one", { ...valid, componentIds: ["SCIENCES"] }, "componentIds.0", "invalid"],
    ["no study level ticked", { ...valid, studyLevels: [] }, "studyLevels", "chooseAtLeastOne"],
    ["an unknown study level", { ...valid, studyLevels: ["POSTDOC"] }, "studyLevels.0", "invalid"],
    ["a missing first year", { ...valid, firstAcademicYear: "" }, "firstAcademicYear", "required"],
    ["a first year before 2000", { ...valid, firstAcademicYear: "1999" }, "firstAcademicYear", "yearInvalid"],
    ["a last year after 2100", { ...valid, lastAcademicYear: "2101" }, "lastAcademicYear", "yearInvalid"],
    ["a year written as 2026-2027", { ...valid, firstAcademicYear: "2026-2027" }, "firstAcademicYear", "yearInvalid"],
    ["a year with decimals", { ...valid, firstAcademicYear: "2026.5" }, "firstAcademicYear", "yearInvalid"],
    [
      "the last year before the first",
      { ...valid, firstAcademicYear: "2030", lastAcademicYear: "2026" },
      "lastAcademicYear",
      "yearOrder",
    ],
    ["missing seats", { ...valid, incomingSeatsPerYear: "" }, "incomingSeatsPerYear", "required"],
    ["negative seats", { ...valid, incomingSeatsPerYear: "-1" }, "incomingSeatsPerYear", "seatsInvalid"],
    [
      "seats that are not a number",
      { ...valid, incomingSeatsPerYear: "a few" },
      "incomingSeatsPerYear",
      "seatsInvalid",
    ],
  ])("refuses %s", (_label, input, field, message) => {
    expect(messageOn(ZCreateAgreement, input, field)).toBe(message);
  });

  it("checks first ≤ last even when another field is wrong, so every error shows at once", () => {
    const result = ZCreateAgreement.safeParse({
      ...valid,
      kind: "",
      firstAcademicYear: "2030",
      lastAcademicYear: "2026",
    });
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual(
      expect.arrayContaining([
        ["kind", "required"],
        ["lastAcademicYear", "yearOrder"],
      ]),
    );
  });

  it("refuses unknown keys", () => {
    refusesUnknownKeys(ZCreateAgreement, valid);
    refusesUnknownKeys(ZUpdateAgreement, { ...valid, id });
  });
});

// ---------------------------------------------------------------------------------------------

describe("components", () => {
  const valid = { code: " sciences ", nameFr: "Faculté des sciences", nameEn: "Faculty of Sciences" };

  it("accepts a valid component and upper-cases its code", () => {
    expect(ZCreateComponent.parse(valid)).toEqual({
      code: "SCIENCES",
      nameFr: "Faculté des sciences",
      nameEn: "Faculty of Sciences",
      // R-MSG-1: office hours are optional; empty means "not published".
      officeHoursFr: null,
      officeHoursEn: null,
    });
    expect(ZCreateComponent.parse({ ...valid, code: "IUT_AIX-2" }).code).toBe("IUT_AIX-2");
    expect(ZCreateComponent.parse({ ...valid, officeHoursEn: " Mon 9–12 " }).officeHoursEn).toBe("Mon 9–12");
  });

  it.each<Row>([
    ["a missing code", { ...valid, code: "" }, "code", "required"],
    ["a code with a space", { ...valid, code: "LAW SCHOOL" }, "code", "componentCodeInvalid"],
    ["a code with an accent", { ...valid, code: "ÉCO" }, "code", "componentCodeInvalid"],
    ["a code of 21 characters", { ...valid, code: "C".repeat(21) }, "code", "tooLong"],
    ["a missing French name", { ...valid, nameFr: " " }, "nameFr", "required"],
    ["a missing English name", { ...valid, nameEn: "" }, "nameEn", "required"],
  ])("refuses %s", (_label, input, field, message) => {
    expect(messageOn(ZCreateComponent, input, field)).toBe(message);
  });

  it("refuses unknown keys", () => {
    refusesUnknownKeys(ZCreateComponent, valid);
    refusesUnknownKeys(ZUpdateComponent, { ...valid, id });
    refusesUnknownKeys(ZComponentCorrespondent, { componentId: id, userId: randomUUID() });
  });

  it("attaches by ids only", () => {
    expect(
      messageOn(ZComponentCorrespondent, { componentId: id, userId: "ri.sciences@amu.example.org" }, "userId"),
    ).toBe("required");
  });
});

// ---------------------------------------------------------------------------------------------

describe("programmes (R-ELI-6, R-ELI-7)", () => {
  const partnerId = randomUUID();
  const valid = {
    componentId: id,
    nameFr: "Licence Droit",
    nameEn: "Bachelor in Law",
    level: "BACHELOR",
    teachingLanguage: "FRENCH",
    yearlyCapacity: "",
    partnerId: "",
  };
  const doubleDegree = { ...valid, doubleDegree: "on", yearlyCapacity: "150", partnerId };

  it("accepts a regular programme: no flag, no capacity, no partner", () => {
    expect(ZCreateProgramme.parse(valid)).toEqual({
      ...valid,
      doubleDegree: false,
      offshore: false,
      yearlyCapacity: null,
      partnerId: null,
    });
  });

  it("R-ELI-6: accepts a double degree with its capacity and partner", () => {
    expect(ZCreateProgramme.parse(doubleDegree)).toMatchObject({
      doubleDegree: true,
      offshore: false,
      yearlyCapacity: 150,
      partnerId,
    });
  });

  it("R-ELI-7: accepts an offshore programme with its partner and no capacity", () => {
    expect(ZCreateProgramme.parse({ ...valid, offshore: "on", partnerId })).toMatchObject({
      doubleDegree: false,
      offshore: true,
      yearlyCapacity: null,
      partnerId,
    });
  });

  it.each<Row>([
    [
      "R-ELI-6: a double degree without capacity",
      { ...doubleDegree, yearlyCapacity: "" },
      "yearlyCapacity",
      "capacityRequired",
    ],
    ["R-ELI-6: a double degree without partner", { ...doubleDegree, partnerId: "" }, "partnerId", "partnerRequired"],
    ["R-ELI-7: an offshore programme without partner", { ...valid, offshore: "on" }, "partnerId", "partnerRequired"],
    ["a capacity of 0", { ...doubleDegree, yearlyCapacity: "0" }, "yearlyCapacity", "capacityInvalid"],
    [
      "a capacity that is not a whole number",
      { ...doubleDegree, yearlyCapacity: "12.5" },
      "yearlyCapacity",
      "capacityInvalid",
    ],
    ["a missing component", { ...valid, componentId: "" }, "componentId", "required"],
    ["a missing French name", { ...valid, nameFr: "" }, "nameFr", "required"],
    ["an unknown level", { ...valid, level: "LICENCE" }, "level", "required"],
    ["an unknown teaching language", { ...valid, teachingLanguage: "GERMAN" }, "teachingLanguage", "required"],
    ["a flag that is not a checkbox value", { ...valid, doubleDegree: "yes please" }, "doubleDegree", "invalid"],
    ["a partner id that is not one", { ...valid, partnerId: "Wuhan" }, "partnerId", "invalid"],
  ])("refuses %s", (_label, input, field, message) => {
    expect(messageOn(ZCreateProgramme, input, field)).toBe(message);
  });

  it("R-ELI-6: asks for the capacity even when another field is wrong, so every error shows at once", () => {
    const result = ZCreateProgramme.safeParse({ ...doubleDegree, level: "", yearlyCapacity: "" });
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual(
      expect.arrayContaining([
        ["level", "required"],
        ["yearlyCapacity", "capacityRequired"],
      ]),
    );
  });

  it.each([null, "text", ["list"]])("refuses %j as a whole without failing", (input) => {
    expect(ZCreateProgramme.safeParse(input).success).toBe(false);
    expect(ZCreateAgreement.safeParse(input).success).toBe(false);
  });

  it("refuses unknown keys", () => {
    refusesUnknownKeys(ZCreateProgramme, valid);
    refusesUnknownKeys(ZUpdateProgramme, { ...valid, id: randomUUID() });
  });
});

// ---------------------------------------------------------------------------------------------

describe("staff accounts", () => {
  const password = "a long enough passphrase";
  const valid = {
    name: "Léa Roux",
    email: " Lea.Roux@AMU.example.org ",
    role: "CORRESPONDENT",
    locale: "fr",
  };

  it("accepts a correspondent or an admin, and lower-cases the e-mail", () => {
    expect(ZCreateStaffAccount.parse(valid)).toMatchObject({
      email: "lea.roux@amu.example.org",
      role: "CORRESPONDENT",
      locale: "fr",
    });
    expect(ZCreateStaffAccount.parse({ ...valid, role: "ADMIN" }).role).toBe("ADMIN");
  });

  it.each<Row>([
    ["a student role (students register themselves)", { ...valid, role: "STUDENT" }, "role", "required"],
    ["a missing role", { ...valid, role: "" }, "role", "required"],
    ["an unknown language", { ...valid, locale: "de" }, "locale", "required"],
    ["a missing name", { ...valid, name: "" }, "name", "required"],
    ["an invalid e-mail", { ...valid, email: "lea.roux@" }, "email", "emailInvalid"],
    ["R-ACC-5: a name on two lines", { ...valid, name: "Léa\nRoux" }, "name", "nameOneLine"],
  ])("refuses %s", (_label, input, field, message) => {
    expect(messageOn(ZCreateStaffAccount, input, field)).toBe(message);
  });

  it("R-ACC-8: refuses unknown keys (no password, disabled flag or hash set at creation)", () => {
    refusesUnknownKeys(ZCreateStaffAccount, valid);
    expect(ZCreateStaffAccount.safeParse({ ...valid, password, passwordConfirmation: password }).success).toBe(false);
    refusesUnknownKeys(ZSetAccountDisabled, { userId: id, disabled: "true" });
    refusesUnknownKeys(ZChangeRole, { userId: id, role: "ADMIN" });
  });

  it.each([
    ["true", true],
    ["false", false],
    [true, true],
  ] as const)("reads disabled=%s as %s", (disabled, expected) => {
    expect(ZSetAccountDisabled.parse({ userId: id, disabled }).disabled).toBe(expected);
  });

  it.each<Row>([
    ["a disabled flag that is not true or false", { userId: id, disabled: "yes" }, "disabled", "invalid"],
    ["a missing user", { disabled: "true" }, "userId", "required"],
  ])("refuses %s", (_label, input, field, message) => {
    expect(messageOn(ZSetAccountDisabled, input, field)).toBe(message);
  });

  it("changes a role only to correspondent or admin", () => {
    expect(ZChangeRole.parse({ userId: id, role: "ADMIN" }).role).toBe("ADMIN");
    expect(messageOn(ZChangeRole, { userId: id, role: "STUDENT" }, "role")).toBe("required");
  });
});

// ---------------------------------------------------------------------------------------------

describe("DRI contacts (R-ELI-7)", () => {
  const valid = { cooperationEmail: "Cooperation-DRI@amu.example.org", incomingEmail: "incoming-dri@amu.example.org" };

  it("accepts two e-mail addresses, lower-cased", () => {
    expect(ZDriContacts.parse(valid)).toEqual({
      cooperationEmail: "cooperation-dri@amu.example.org",
      incomingEmail: "incoming-dri@amu.example.org",
    });
  });

  it.each<Row>([
    ["a missing cooperation contact", { ...valid, cooperationEmail: "" }, "cooperationEmail", "required"],
    [
      "an incoming contact that is not an e-mail",
      { ...valid, incomingEmail: "the DRI office" },
      "incomingEmail",
      "emailInvalid",
    ],
  ])("refuses %s", (_label, input, field, message) => {
    expect(messageOn(ZDriContacts, input, field)).toBe(message);
  });

  it("refuses unknown keys (no other setting through this form)", () => {
    refusesUnknownKeys(ZDriContacts, valid);
  });
});
