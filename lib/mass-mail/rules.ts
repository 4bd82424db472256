/**
 * Where each recipient of a mass e-mail stands, from its sent-log row (pure). A row is claimed
 * just before its e-mail is sent and marked sent just after: a claim without `sentAt` and not
 * in flight means the process stopped in between, and the e-mail may have left. It is never
 * resent automatically ("uncertain"), which is what makes a restart send nothing twice.
 */
export type RecipientState = "waiting" | "sending" | "sent" | "uncertain";

/** A claim older than this is no longer a send in flight. */
export const staleClaimMs = 5 * 60_000;

export function recipientState(row: { claimedAt: Date | null; sentAt: Date | null }, now: Date): RecipientState {
  if (row.sentAt) return "sent";
  if (!row.claimedAt) return "waiting";
  return now.getTime() - row.claimedAt.getTime() > staleClaimMs ? "uncertain" : "sending";
}
