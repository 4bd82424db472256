/**
 * Pure rules of the home-insurance certificate (R-HOU-7): asked of every accepted student,
 * reviewed once by staff. No I/O.
 */
import type { ApplicationStatus, InsuranceStatus } from "@/lib/generated/prisma/enums";

/** The insurance section (requirement, upload, review) is the accepted student's task. */
export function showsInsuranceUpload(status: ApplicationStatus): boolean {
  return status === "ACCEPTED";
}

export type InsuranceDecision = "approve" | "reject";

/** Staff review a certificate the student submitted, once; a new upload asks for a new review. */
export function canReviewInsurance(status: InsuranceStatus): boolean {
  return status === "SUBMITTED";
}

export const insuranceDecisionStatus: Record<InsuranceDecision, InsuranceStatus> = {
  approve: "APPROVED",
  reject: "REJECTED",
};
