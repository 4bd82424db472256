import type { ArrivalStatus } from "@/lib/arrival/rules";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

/**
 * The dossiers every statistic counts: one academic year inside the lists' scope (staffScope: a
 * correspondent their components' only, an admin all, never a draft; anyone else nothing).
 */
export function statisticsScope(
  viewer: Pick<Viewer, "role" | "componentIds">,
  academicYear: number,
): Prisma.ApplicationWhereInput {
  return { AND: [staffScope(viewer), { academicYear }] };
}

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

/**
 * Dossiers per call (R-ELI-8), from the (call, status) counts: each call's dossiers, accepted,
 * rejected and acceptance rate; dossiers without a call (entered before calls existed) under
 * `callId: null`. Ordered as `calls` lists them (by opening), the dossiers without a call last.
 */
export function perCall<Call extends { id: string }>(
  groups: readonly { callId: string | null; status: ApplicationStatus; count: number }[],
  calls: readonly Call[],
): { call: Call | null; count: number; accepted: number; rejected: number; acceptanceRate: number | null }[] {
  const byCall = new Map<string | null, Partial<Record<ApplicationStatus, number>>>();
  for (const { callId, status, count } of groups) {
    const counts = byCall.get(callId) ?? {};
    counts[status] = (counts[status] ?? 0) + count;
    byCall.set(callId, counts);
  }
  const order: (Call | null)[] = [...calls.filter((call) => byCall.has(call.id)), ...(byCall.has(null) ? [null] : [])];
  return order.map((call) => {
    const counts = byCall.get(call?.id ?? null)!;
    return {
      call,
      count: Object.values(counts).reduce((sum, count) => sum + count, 0),
      accepted: counts.ACCEPTED ?? 0,
      rejected: counts.REJECTED ?? 0,
      acceptanceRate: acceptanceRate(counts),
    };
  });
}
