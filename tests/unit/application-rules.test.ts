import { describe, expect, it } from "vitest";
import { isEditableByStudent } from "@/lib/application-status";
import { incompleteSteps } from "@/lib/applications/completeness";
import {
  agreementMismatch,
  canTransition,
  doubleDegreeFull,
  expectedEcts,
  missingDocuments,
  needsEnglishNote,
  needsFrenchWarning,
  newApplicationBasis,
  nextActor,
  seatUsage,
  type Transition,
  transitions,
} from "@/lib/applications/rules";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

const statuses: ApplicationStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "CHANGES_REQUESTED",
  "ACCEPTED",
  "REJECTED",
  "WITHDRAWN",
];

describe("status transitions", () => {
  const allowed: Record<Transition, ApplicationStatus[]> = {
    submit: ["DRAFT", "CHANGES_REQUESTED"],
    withdraw: ["SUBMITTED", "UNDER_REVIEW", "CHANGES_REQUESTED"],
    startReview: ["SUBMITTED"],
    requestChanges: ["SUBMITTED", "UNDER_REVIEW"],
    accept: ["SUBMITTED", "UNDER_REVIEW"],
    reject: ["SUBMITTED", "UNDER_REVIEW"],
  };
  const table = (Object.keys(allowed) as Transition[]).flatMap((transition) =>
    statuses.map((status) => [transition, status, allowed[transition].includes(status)] as const),
  );
  it.each(table)("%s from %s → allowed: %s", (transition, status, expected) => {
    expect(canTransition(status, transition)).toBe(expected);
  });

  it.each([
    ["submit", "SUBMITTED"],
    ["withdraw", "WITHDRAWN"],
    ["startReview", "UNDER_REVIEW"],
    ["requestChanges", "CHANGES_REQUESTED"],
    ["accept", "ACCEPTED"],
    ["reject", "REJECTED"],
  ] as const)("%s leads to %s", (transition, to) => {
    expect(transitions[transition].to).toBe(to);
  });

  it.each([
    ["DRAFT", true, "student"],
    ["SUBMITTED", false, "correspondent"],
    ["UNDER_REVIEW", false, "correspondent"],
    ["CHANGES_REQUESTED", true, "student"],
    ["ACCEPTED", false, "none"],
    ["REJECTED", false, "none"],
    ["WITHDRAWN", false, "none"],
  ] as const)("%s: editable by the student %s, next to act: %s", (status, editable, actor) => {
    expect(isEditableByStudent(status)).toBe(editable);
    expect(nextActor(status)).toBe(actor);
  });
});

describe("R-ELI-1 agreement covering the request", () => {
  const agreement = {
    firstAcademicYear: 2022,
    lastAcademicYear: 2027,
    componentIds: ["sciences", "law"],
    studyLevels: ["BACHELOR", "MASTER"] as ("BACHELOR" | "MASTER" | "DOCTORATE")[],
  };
  const request = { academicYear: 2026, componentId: "sciences", studyLevel: "MASTER" as const };
  it.each([
    ["active, right component and level", [agreement], request, null],
    ["no agreement at all", [], request, "none"],
    ["expired", [{ ...agreement, lastAcademicYear: 2025 }], request, "expired"],
    ["not yet active", [{ ...agreement, firstAcademicYear: 2027 }], request, "notYetActive"],
    ["wrong component", [agreement], { ...request, componentId: "economics" }, "component"],
    ["wrong level", [agreement], { ...request, studyLevel: "DOCTORATE" as const }, "level"],
    ["first year of the agreement", [agreement], { ...request, academicYear: 2022 }, null],
    ["last year of the agreement", [agreement], { ...request, academicYear: 2027 }, null],
    ["an expired and an active agreement", [{ ...agreement, lastAcademicYear: 2020 }, agreement], request, null],
  ])("%s → %s", (_label, agreements, candidate, expected) => {
    expect(agreementMismatch(agreements, candidate)).toBe(expected);
  });
});

describe("R-ELI-3 French B2 recommended, not required", () => {
  it.each([
    ["A1", "FRENCH", true],
    ["A2", "FRENCH", true],
    ["B1", "FRENCH", true],
    ["B2", "FRENCH", false],
    ["C1", "FRENCH", false],
    ["C2", "FRENCH", false],
    [null, "FRENCH", true], // unknown
    ["A1", "ENGLISH", false], // taught in English: no French warning (portal choice)
    ["B1", "FRENCH_ENGLISH", true],
    ["A2", null, true], // no programme chosen: courses in French
  ] as const)("French %s, programme in %s → warning %s", (level, language, warning) => {
    expect(needsFrenchWarning(level, language)).toBe(warning);
  });

  it.each([
    ["B1", "ENGLISH", true],
    [null, "ENGLISH", true],
    ["B2", "ENGLISH", false],
    ["A1", "FRENCH", false],
  ] as const)("English %s, programme in %s → reviewer note %s", (level, language, note) => {
    expect(needsEnglishNote(level, language)).toBe(note);
  });
});

describe("R-ELI-6 capacities", () => {
  it.each([
    ["double degree with places left", { doubleDegree: true, yearlyCapacity: 20 }, 19, false],
    ["double degree at capacity", { doubleDegree: true, yearlyCapacity: 20 }, 20, true],
    ["double degree over capacity", { doubleDegree: true, yearlyCapacity: 150 }, 151, true],
    ["double degree with zero capacity", { doubleDegree: true, yearlyCapacity: 0 }, 0, true],
    ["ordinary programme", { doubleDegree: false, yearlyCapacity: null }, 500, false],
  ])("%s → full: %s", (_label, programme, taken, full) => {
    expect(doubleDegreeFull(programme, taken)).toBe(full);
  });

  it.each([
    [3, 5, false],
    [5, 5, false],
    [6, 5, true],
  ])("agreement seats: %i used of %i → over: %s (informative only)", (used, limit, over) => {
    expect(seatUsage(used, limit)).toEqual({ used, limit, over });
  });
});

describe("documents and completeness", () => {
  it.each([
    [[], ["PASSPORT", "TRANSCRIPT", "LEARNING_AGREEMENT", "PHOTO"]],
    [
      ["PASSPORT", "PHOTO", "CV"],
      ["TRANSCRIPT", "LEARNING_AGREEMENT"],
    ],
    [["PASSPORT", "TRANSCRIPT", "LEARNING_AGREEMENT", "PHOTO"], []],
  ] as const)("uploaded %j → missing %j", (uploaded, missing) => {
    expect(missingDocuments([...uploaded])).toEqual(missing);
  });

  const complete = {
    firstName: "Ada",
    partnerId: "p",
    componentId: "c",
    academicYear: 2026,
    plannedCourses: [{ title: "x", ects: 6, semester: "S1" }],
    languagesDeclared: true,
    housingRequested: false,
  };
  it.each([
    ["everything saved", complete, []],
    [
      "nothing saved",
      {
        firstName: null,
        partnerId: null,
        componentId: null,
        academicYear: null,
        plannedCourses: [],
        languagesDeclared: false,
        housingRequested: null,
      },
      ["identity", "home", "study", "languages", "housing"],
    ],
    ["no course", { ...complete, plannedCourses: [] }, ["study"]],
    ["languages unknown but declared", { ...complete, languagesDeclared: true }, []],
    ["housing answered no", { ...complete, housingRequested: false }, []],
  ])("%s → %j", (_label, facts, missing) => {
    expect(incompleteSteps(facts)).toEqual(missing);
  });

  it.each([
    ["S1", 30],
    ["S2", 30],
    ["FULL_YEAR", 60],
  ] as const)("R-ELI-5 usual load for %s is %i ECTS", (period, ects) => {
    expect(expectedEcts(period)).toBe(ects);
  });
});

describe("R-ELI-9: when a new application may be started, and from which", () => {
  const app = (id: string, status: ApplicationStatus, period: "S1" | "S2" | "FULL_YEAR" | null = "S1") => ({
    id,
    status,
    period,
  });
  it.each([
    ["no application yet", [], null],
    ["a draft in progress", [app("a", "DRAFT")], null],
    ["submitted, awaiting a decision", [app("a", "SUBMITTED")], null],
    ["changes requested", [app("a", "CHANGES_REQUESTED")], null],
    ["rejected: apply again", [app("a", "REJECTED")], { reason: "reapply", fromId: "a" }],
    ["withdrawn: apply again", [app("a", "WITHDRAWN")], { reason: "reapply", fromId: "a" }],
    [
      "accepted for semester 1: extend into semester 2",
      [app("a", "ACCEPTED", "S1")],
      { reason: "extension", fromId: "a" },
    ],
    ["accepted for semester 2: nothing to extend", [app("a", "ACCEPTED", "S2")], null],
    ["accepted for the full year", [app("a", "ACCEPTED", "FULL_YEAR")], null],
    ["the extension already started", [app("b", "DRAFT", "S2"), app("a", "ACCEPTED", "S1")], null],
    [
      "rejected again after an earlier rejection",
      [app("b", "REJECTED"), app("a", "REJECTED")],
      { reason: "reapply", fromId: "b" },
    ],
  ] as const)("%s", (_label, applications, expected) => {
    expect(newApplicationBasis([...applications])).toEqual(expected);
  });
});
