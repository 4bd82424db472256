import { canTransition } from "@/lib/applications/rules";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

/**
 * The decisions staff may apply to many dossiers at once: those that decide nothing final.
 * Accepting and rejecting stay one dossier at a time, after reading it.
 */
export const bulkDecisions = ["startReview", "requestChanges"] as const;
export type BulkDecision = (typeof bulkDecisions)[number];

/** Dossiers per call: a large selection is sent in chunks, so the page can show progress. */
export const bulkChunkSize = 50;
/** "Select all matching the filters" takes at most this many dossiers. */
export const bulkSelectionLimit = 5000;

/** Whether the decision applies to a dossier in this status (the single decision's transitions). */
export function appliesInBulk(decision: BulkDecision, status: ApplicationStatus): boolean {
  return canTransition(status, decision);
}

export type BulkOutcome = "done" | "changed" | "notApplicable";

/** How many dossiers ended each way. */
export function tallyOutcomes(outcomes: readonly { outcome: BulkOutcome }[]): Record<BulkOutcome, number> {
  const tally: Record<BulkOutcome, number> = { done: 0, changed: 0, notApplicable: 0 };
  for (const { outcome } of outcomes) tally[outcome] += 1;
  return tally;
}
