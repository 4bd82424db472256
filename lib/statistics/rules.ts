import type { ArrivalStatus } from "@/lib/arrival/rules";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

/**
 * Acceptance rate among decided dossiers (accepted / (accepted + rejected)), in whole percent;
 * null before any decision. Pending, withdrawn and changes-requested dossiers are not decided.
 */
export function acceptanceRate(counts: Partial<Record<ApplicationStatus, number>>): number | null {
  const accepted = counts.ACCEPTED ?? 0;
  const decided = accepted + (counts.REJECTED ?? 0);
  return decided === 0 ? null : Math.round((accepted / decided) * 100);
}

/** The arrivals' statuses in three groups: on track, overdue, done (others: not concerned or not started). */
export type ArrivalGroup = "onTrack" | "overdue" | "done" | "notStarted";

export function arrivalGroup(status: ArrivalStatus): ArrivalGroup | null {
  switch (status) {
    case "DONE":
      return "done";
    case "OVERDUE":
      return "overdue";
    case "IN_PROGRESS":
    case "DUE_SOON":
    case "AWAITING_ARRIVAL":
      return "onTrack";
    case "NOT_STARTED":
      return "notStarted";
    default:
      return null;
  }
}

/** The largest `limit` entries by count, the rest summed as one "other" entry. */
export function topWithOther<T extends { count: number }>(
  rows: readonly T[],
  limit: number,
  other: (count: number) => T,
): T[] {
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit).reduce((sum, row) => sum + row.count, 0);
  return [...sorted.slice(0, limit), other(rest)];
}
