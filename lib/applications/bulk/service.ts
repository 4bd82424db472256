import "server-only";
import { appliesInBulk, type BulkOutcome } from "@/lib/applications/bulk/rules";
import type { TBulkDecision } from "@/lib/applications/bulk/schemas";
import { decideOnApplication } from "@/lib/applications/service";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { DocumentKind } from "@/lib/generated/prisma/enums";

/** Says "Documents to provide again: …" in a student's language. */
export type DocumentsLine = (locale: string, documents: readonly DocumentKind[]) => string;

type Decided = Awaited<ReturnType<typeof decideOnApplication>>;

/**
 * One chunk of a bulk decision. Every id must be in the viewer's scope, or the whole chunk is
 * refused as "not found" and nothing changes (a forged id is not half-applied). Then each
 * dossier goes through the single decision (decideOnApplication: its transaction, its guard on
 * the status the reviewer saw, its audit event): one that changed meanwhile is reported as
 * "changed", never overwritten; one the decision does not apply to is left as it is.
 */
export async function decideInBulk(
  viewer: Viewer,
  input: TBulkDecision,
  requestId: string,
  documentsLine: DocumentsLine,
): Promise<{ id: string; outcome: BulkOutcome; decided?: Decided }[]> {
  const ids = [...new Set(input.items.map((item) => item.id))];
  const found = await db.application.findMany({
    where: { id: { in: ids }, ...staffScope(viewer) },
    select: { id: true, student: { select: { locale: true } } },
  });
  if (found.length !== ids.length) throw new NotFoundError();
  const localeOf = new Map(found.map((row) => [row.id, row.student.locale]));

  const results: { id: string; outcome: BulkOutcome; decided?: Decided }[] = [];
  for (const item of input.items) {
    if (results.some((result) => result.id === item.id)) continue;
    if (!appliesInBulk(input.decision, item.status)) {
      results.push({ id: item.id, outcome: "notApplicable" });
      continue;
    }
    const expectedStatus = item.status as "SUBMITTED" | "UNDER_REVIEW";
    try {
      const decided =
        input.decision === "startReview"
          ? await decideOnApplication(
              viewer,
              { applicationId: item.id, expectedStatus, decision: "startReview" },
              requestId,
            )
          : await decideOnApplication(
              viewer,
              {
                applicationId: item.id,
                expectedStatus,
                decision: "requestChanges",
                message: changeRequest(input, documentsLine(localeOf.get(item.id) ?? "fr", input.documents)),
              },
              requestId,
            );
      results.push({ id: item.id, outcome: "done", decided });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      results.push({ id: item.id, outcome: "changed" });
    }
  }
  return results;
}

/** The change request's text: the documents to provide again, then the reviewer's message. */
function changeRequest(input: TBulkDecision, documentsLine: string): string {
  return [input.documents.length > 0 ? documentsLine : "", input.message].filter(Boolean).join("\n\n");
}
