import "server-only";
import { recordAudit } from "@/lib/audit";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { canReviewInsurance, insuranceDecisionStatus } from "@/lib/housing/insurance/rules";
import type { TInsuranceReview } from "@/lib/housing/insurance/schemas";

type StaffViewer = Pick<Viewer, "id" | "role" | "componentIds">;

/**
 * R-HOU-7: staff approve or reject the home-insurance certificate a student submitted, on a
 * dossier of their scope (staffScope: a correspondent only for their components; anything
 * else is "not found"). The application row is locked, so a student replacing the certificate
 * at the same moment either comes first (and the review is refused: it is not the certificate
 * the reviewer saw) or after (and asks for a new review). Guarded on SUBMITTED: two reviewers
 * cannot both decide.
 */
export async function reviewInsuranceCertificate(viewer: StaffViewer, input: TInsuranceReview, requestId: string) {
  return db.$transaction(async (tx) => {
    const visible = await tx.application.findFirst({
      where: { id: input.applicationId, ...staffScope(viewer) },
      select: { id: true },
    });
    if (!visible) throw new NotFoundError();
    await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${visible.id}::uuid FOR UPDATE`;
    const application = await tx.application.findUniqueOrThrow({
      where: { id: visible.id },
      select: { insuranceStatus: true, documents: { where: { kind: "INSURANCE_CERTIFICATE" }, select: { id: true } } },
    });
    const certificate = application.documents[0];
    if (!canReviewInsurance(application.insuranceStatus) || certificate?.id !== input.documentId)
      throw new DomainError("insuranceChanged");

    const status = insuranceDecisionStatus[input.decision];
    const note = input.decision === "reject" ? input.note : null;
    const reviewedAt = new Date();
    const { count } = await tx.application.updateMany({
      where: { id: visible.id, insuranceStatus: "SUBMITTED" },
      data: { insuranceStatus: status, insuranceReviewedAt: reviewedAt, insuranceReviewNote: note },
    });
    if (count === 0) throw new DomainError("insuranceChanged");
    await recordAudit(tx, {
      actorId: viewer.id,
      // Not "insurance.approve"/"insurance.reject": the dossier's history reads the verb after
      // the dot, and "reject" there means the application was rejected.
      action: input.decision === "approve" ? "insurance.approveCertificate" : "insurance.rejectCertificate",
      entityType: "Application",
      entityId: visible.id,
      before: { insuranceStatus: application.insuranceStatus },
      after: { insuranceStatus: status, documentId: certificate.id, ...(note ? { note } : {}) },
      requestId,
    });
    return { applicationId: visible.id, insuranceStatus: status, reviewedAt };
  });
}
