/** R-ELI-1 up front: what a partner's agreements cover for the years the form offers, as a table. */
import { describe, expect, it } from "vitest";
import { partnerCoverage } from "@/lib/applications/coverage";

const agreement = (
  years: [number, number],
  componentIds: string[],
  studyLevels: ("BACHELOR" | "MASTER" | "DOCTORATE")[],
  periods: ("S1" | "S2" | "FULL_YEAR")[] = [],
) => ({ firstAcademicYear: years[0], lastAcademicYear: years[1], componentIds, studyLevels, periods });

describe("R-ELI-1: coverage shown at the home-university step", () => {
  it.each([
    ["no agreement at all", [], { covered: false, reason: "none" }],
    [
      "only an expired agreement",
      [agreement([2015, 2025], ["sci"], ["MASTER"])],
      { covered: false, reason: "expired" },
    ],
    [
      "one agreement for both years, no period stated: every period",
      [agreement([2020, 2030], ["sci"], ["MASTER"])],
      {
        covered: true,
        years: [
          { academicYear: 2026, componentIds: ["sci"], studyLevels: ["MASTER"], periods: ["S1", "S2", "FULL_YEAR"] },
          { academicYear: 2027, componentIds: ["sci"], studyLevels: ["MASTER"], periods: ["S1", "S2", "FULL_YEAR"] },
        ],
      },
    ],
    [
      "two agreements, one ending this year, semester 1 only for the other",
      [agreement([2020, 2026], ["law"], ["BACHELOR"]), agreement([2026, 2030], ["sci"], ["MASTER"], ["S1"])],
      {
        covered: true,
        years: [
          {
            academicYear: 2026,
            componentIds: ["law", "sci"],
            studyLevels: ["BACHELOR", "MASTER"],
            periods: ["S1", "S2", "FULL_YEAR"],
          },
          { academicYear: 2027, componentIds: ["sci"], studyLevels: ["MASTER"], periods: ["S1"] },
        ],
      },
    ],
    [
      "an agreement that begins next year only",
      [agreement([2027, 2030], ["sci"], ["DOCTORATE"], ["S2"])],
      {
        covered: true,
        years: [{ academicYear: 2027, componentIds: ["sci"], studyLevels: ["DOCTORATE"], periods: ["S2"] }],
      },
    ],
  ] as const)("%s", (_label, agreements, expected) => {
    expect(
      partnerCoverage(
        agreements.map((a) => ({
          ...a,
          componentIds: [...a.componentIds],
          studyLevels: [...a.studyLevels],
          periods: [...a.periods],
        })),
        [2026, 2027],
      ),
    ).toEqual(expected);
  });
});
