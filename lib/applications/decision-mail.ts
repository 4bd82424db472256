import "server-only";
import type { ReviewDecision } from "@/lib/applications/rules";
import type { decideOnApplication } from "@/lib/applications/service";
import { notify } from "@/lib/mail/notify";

/**
 * The e-mail of a decision, for one dossier or each of a bulk: every decision but starting the
 * review is mailed, with the acceptance letter attached. R-ACC-7: no decision mail to an
 * address nobody confirmed (the dossier still shows the decision).
 */
export async function mailDecision(
  decision: ReviewDecision,
  outcome: Awaited<ReturnType<typeof decideOnApplication>>,
  requestId: string,
) {
  if (decision === "startReview" || !outcome.student.emailVerifiedAt) return;
  const { student } = outcome;
  await notify(
    student.email,
    student.locale,
    decision,
    { name: student.name, message: outcome.message ?? "" },
    requestId,
    outcome.letter
      ? [{ filename: outcome.letter.fileName, content: outcome.letter.bytes, contentType: "application/pdf" }]
      : undefined,
  );
}
