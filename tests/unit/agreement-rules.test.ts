import { describe, expect, it } from "vitest";
import { academicYearOf, academicYearOptions, formatAcademicYear } from "@/lib/academic-year";
import {
  agreementCovers,
  agreementCoversStudy,
  agreementStatus,
  changedAgreementFields,
  levelSeatsOutsideLevels,
  levelSeatsOverTotal,
  seatsForLevel,
} from "@/lib/agreements/rules";
import type { StudyLevel } from "@/lib/generated/prisma/enums";

describe("academic year (starts 1 September, Europe/Paris)", () => {
  it.each([
    ["2026-11-22T12:00:00Z", 2026],
    ["2026-08-31T21:59:59Z", 2025], // 23:59:59 in Paris on 31 August
    ["2026-08-31T22:00:00Z", 2026], // midnight in Paris on 1 September
    ["2027-01-15T00:00:00Z", 2026],
  ])("%s belongs to %i", (iso, year) => {
    expect(academicYearOf(new Date(iso))).toBe(year);
  });

  it("is written as the two calendar years", () => {
    expect(formatAcademicYear(2026)).toBe("2026-2027");
  });

  it("offers a filter's years from last year (or earlier) to next year", () => {
    expect(academicYearOptions(2026).map((option) => option.label)).toEqual(["2025-2026", "2026-2027", "2027-2028"]);
    expect(academicYearOptions(2026, 2).map((option) => option.value)).toEqual(["2024", "2025", "2026", "2027"]);
  });
});

/** Signed for 2022-2023 to 2026-2027. */
const years = { firstAcademicYear: 2022, lastAcademicYear: 2026 };

describe("R-ELI-1 agreement status for an academic year", () => {
  it.each([
    [2021, "upcoming"],
    [2022, "active"],
    [2026, "active"],
    [2027, "expired"],
  ] as const)("%i → %s", (year, status) => {
    expect(agreementStatus(years, year)).toBe(status);
  });
});

describe("R-ELI-1 an agreement covers a request (component, study level, academic year)", () => {
  const levels: StudyLevel[] = ["BACHELOR", "MASTER"];
  const agreement = { ...years, componentIds: ["sciences", "law"], studyLevels: levels };
  const request = { academicYear: 2024, componentId: "sciences", studyLevel: "MASTER" as const };
  it.each([
    ["component, level and year", request, true, true],
    ["its first academic year", { ...request, academicYear: 2022 }, true, true],
    ["its last academic year", { ...request, academicYear: 2026 }, true, true],
    ["a year before it starts", { ...request, academicYear: 2021 }, true, false],
    ["a year after it ends", { ...request, academicYear: 2027 }, true, false],
    ["another component", { ...request, componentId: "economics" }, false, false],
    ["another study level", { ...request, studyLevel: "DOCTORATE" as const }, false, false],
  ])("%s: study %s, covered %s", (_label, candidate, study, covered) => {
    expect(agreementCoversStudy(agreement, candidate)).toBe(study);
    expect(agreementCovers(agreement, candidate)).toBe(covered);
  });

  // R-PAR-1: a kind that covers every faculty (a strategic partnership) covers any component.
  const strategic = { ...agreement, coversEveryComponent: true };
  it.each([
    ["a component it does not list", { ...request, componentId: "economics" }, true],
    ["but not a study level it does not cover", { ...request, studyLevel: "DOCTORATE" as const }, false],
    ["nor a year after it ends", { ...request, componentId: "economics", academicYear: 2027 }, false],
  ])("covering every faculty: %s → %s", (_label, candidate, covered) => {
    expect(agreementCovers(strategic, candidate)).toBe(covered);
  });
});

describe("R-ELI-6 seats per study level", () => {
  const split = [
    { level: "BACHELOR" as const, seatsPerYear: 2 },
    { level: "MASTER" as const, seatsPerYear: 3 },
  ];
  it.each([
    ["a level with its own seats", "MASTER", 3],
    ["a level without: the agreement's seats", "DOCTORATE", 6],
  ] as const)("%s", (_label, level, seats) => {
    expect(seatsForLevel({ incomingSeatsPerYear: 6, levelSeats: split }, level)).toBe(seats);
  });
  it.each([
    ["within the seats per year", split, 5, false],
    ["exactly the seats per year", split, 5, false],
    ["above the seats per year", split, 4, true],
    ["no number for the agreement (0): any split", split, 0, false],
    ["no split", [], 1, false],
  ])("%s → over: %s", (_label, levelSeats, total, over) => {
    expect(levelSeatsOverTotal(levelSeats, total)).toBe(over);
  });
  it("names the levels given seats that the agreement does not cover", () => {
    expect(levelSeatsOutsideLevels(split, ["MASTER"])).toEqual(["BACHELOR"]);
    expect(levelSeatsOutsideLevels(split, ["BACHELOR", "MASTER"])).toEqual([]);
  });
});

describe("changedAgreementFields: what an audit event changed, for the history", () => {
  it.each([
    ["a creation names nothing", undefined, { kind: "BILATERAL" }, []],
    ["an edit that changes nothing", { kind: "BILATERAL", eqfLevels: [7] }, { kind: "BILATERAL", eqfLevels: [7] }, []],
    [
      "an edit of the status and the EQF levels, in the history's order",
      { eqfLevels: [7], status: "DRAFT", kind: "BILATERAL" },
      { eqfLevels: [6, 7], status: "SIGNED", kind: "BILATERAL" },
      ["status", "eqfLevels"],
    ],
    ["a signing date set", { signedOn: null }, { signedOn: "2025-03-14T00:00:00.000Z" }, ["signedOn"]],
    [
      "an import: only its changed fields, not the hash it records",
      { periods: [] },
      { periods: ["S1"], iiaHash: "ab12", partnerIiaId: "X-1" },
      ["periods"],
    ],
    ["a signed PDF attached", { signedPdf: null }, { signedPdf: "accord.pdf" }, ["signedPdf"]],
  ] as const)("%s", (_name, before, after, expected) => {
    expect(changedAgreementFields(before, after)).toEqual(expected);
  });
});
