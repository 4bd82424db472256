import "server-only";
import { recordAudit } from "@/lib/audit";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { TDocumentReview } from "@/lib/documents/review/schemas";
import { NotFoundError } from "@/lib/errors";

/**
 * R-MSG-6: a reviewer marks one document of a dossier of their scope accepted or to be replaced
 * (with the note the student reads). Returns what the mail to the student needs when the
 * document is to be replaced and their address is confirmed (R-ACC-7).
 */
export async function reviewDocument(viewer: Viewer, input: TDocumentReview, requestId: string) {
  return db.$transaction(async (tx) => {
    const document = await tx.applicationDocument.findFirst({
      where: { id: input.documentId, application: staffScope(viewer) },
      select: {
        id: true,
        kind: true,
        review: true,
        reviewNote: true,
        applicationId: true,
        application: {
          select: { student: { select: { email: true, name: true, locale: true, emailVerifiedAt: true } } },
        },
      },
    });
    if (!document) throw new NotFoundError();
    const after = { review: input.verdict, reviewNote: input.verdict === "TO_REPLACE" ? input.note : null };
    await tx.applicationDocument.update({ where: { id: document.id }, data: { ...after, reviewedAt: new Date() } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "document.review",
      entityType: "ApplicationDocument",
      entityId: document.id,
      before: { applicationId: document.applicationId, review: document.review, reviewNote: document.reviewNote },
      after: { applicationId: document.applicationId, ...after },
      requestId,
    });
    const { student } = document.application;
    return {
      applicationId: document.applicationId,
      kind: document.kind,
      mailTo: input.verdict === "TO_REPLACE" && student.emailVerifiedAt ? student : null,
    };
  });
}
