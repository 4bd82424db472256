import "server-only";
import { DomainError } from "@/lib/errors";
import { ZRoundMailsJob } from "@/lib/housing/release/schemas";
import { type RoundMailCounts, sendRoundMails } from "@/lib/housing/release/service";
import { logInfo, logWarn } from "@/lib/log";

/**
 * The door the job queue (lib/jobs/definitions.ts) takes into the release's e-mails (R-HOU-3):
 * the job's name, which keys one waiting job per round, and what a worker runs. Sending is
 * idempotent (each e-mail claimed before it is sent, mail-claims.ts), so a job run twice, or
 * retried after its worker died, sends nothing twice.
 */
export const roundMailsJobName = "housing-release-mails";

export async function runRoundMailsJob(data: unknown): Promise<RoundMailCounts | null> {
  const { roundId, ...context } = ZRoundMailsJob.parse(data);
  let counts: RoundMailCounts;
  try {
    counts = await sendRoundMails(roundId, context);
  } catch (error) {
    // A round deleted, or a job sent by hand before the release: retrying changes nothing.
    if (error instanceof DomainError) {
      logWarn("housing.roundMails.skip", { roundId, requestId: context.requestId, code: error.code });
      return null;
    }
    throw error;
  }
  logInfo("housing.roundMails.done", { roundId, requestId: context.requestId, ...counts });
  // Refused by the mail server: those e-mails are not claimed, so the queue's retry (later,
  // with back-off) sends them; the ones sent are not sent again.
  if (counts.failed > 0) throw new Error(`${counts.failed} decision e-mails refused by the mail server`);
  return counts;
}
