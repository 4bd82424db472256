/**
 * R-ELI-1 up front: what a partner's agreements cover, per academic year the form offers, so that
 * the student sees it at the home-university step and the study step offers only that. Pure; the
 * server still checks the whole request at submission (agreementMismatch).
 */
import { type AgreementScope, agreementStatus } from "@/lib/agreements/rules";
import type { StudyLevel } from "@/lib/generated/prisma/enums";

type Period = "S1" | "S2" | "FULL_YEAR";
const allPeriods: Period[] = ["S1", "S2", "FULL_YEAR"];

export type YearCoverage = {
  academicYear: number;
  componentIds: string[];
  studyLevels: StudyLevel[];
  periods: Period[];
};

export type PartnerCoverage =
  | { covered: true; years: YearCoverage[] }
  /** "none": no agreement at all; "expired": none active in the years offered (ended or not begun). */
  | { covered: false; reason: "none" | "expired" };

const unique = <T>(values: T[]) => [...new Set(values)];

export function partnerCoverage(
  agreements: (AgreementScope & { periods: Period[] })[],
  academicYears: number[],
): PartnerCoverage {
  if (agreements.length === 0) return { covered: false, reason: "none" };
  const years = academicYears
    .map((academicYear) => {
      const active = agreements.filter((agreement) => agreementStatus(agreement, academicYear) === "active");
      return {
        academicYear,
        componentIds: unique(active.flatMap((agreement) => agreement.componentIds)),
        studyLevels: unique(active.flatMap((agreement) => agreement.studyLevels)),
        // An agreement that states no period allows any.
        periods: allPeriods.filter((period) =>
          active.some((agreement) => agreement.periods.length === 0 || agreement.periods.includes(period)),
        ),
      };
    })
    .filter((year) => year.componentIds.length > 0 && year.studyLevels.length > 0);
  return years.length > 0 ? { covered: true, years } : { covered: false, reason: "expired" };
}
