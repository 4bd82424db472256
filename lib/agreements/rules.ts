/**
 * Pure rules on agreements and academic years (R-ELI-1, R-PAR-1).
 * An academic year is named by the calendar year it starts in: 2026 = 2026-2027.
 */

/** AMU's academic year starts on 1 September (Europe/Paris). */
export function academicYearOf(date: Date): number {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "numeric",
  })
    .formatToParts(date)
    .filter((part) => part.type === "year" || part.type === "month")
    .map((part) => Number(part.value));
  return month! >= 9 ? year! : year! - 1;
}

export function formatAcademicYear(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

export type AgreementStatus = "active" | "expired" | "upcoming";

/** R-ELI-1: an agreement only counts for the academic years it covers. */
export function agreementStatus(
  agreement: { firstAcademicYear: number; lastAcademicYear: number },
  academicYear: number,
): AgreementStatus {
  if (academicYear < agreement.firstAcademicYear) return "upcoming";
  if (academicYear > agreement.lastAcademicYear) return "expired";
  return "active";
}
