/** Pure rules on agreements (R-ELI-1, R-PAR-1). */

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
