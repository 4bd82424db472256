import "server-only";
import { db } from "@/lib/db";
import type { HousingStatus } from "@/lib/generated/prisma/enums";
import type { ReopenReason } from "@/lib/housing/rules";

/**
 * The last time a resubmission sent each of these requests back to pending (R-HOU-1), read
 * from the audit events syncHousingRequest writes ("housing.request.reopen"): what the board
 * and the student's page say about it. Callers pass only ids their viewer may see.
 */
export interface Reopened {
  at: Date;
  reason: ReopenReason;
  /** The decision it had, and the residence of an accepted one. */
  from: HousingStatus;
  residence: string | null;
  /** R-HOU-3: whether the student had seen that decision (its round was released). */
  visibleToStudent: boolean;
}

export async function lastReopened(housingRequestIds: string[]): Promise<Map<string, Reopened>> {
  if (housingRequestIds.length === 0) return new Map();
  const events = await db.auditEvent.findMany({
    where: { entityType: "HousingRequest", entityId: { in: housingRequestIds }, action: "housing.request.reopen" },
    orderBy: { createdAt: "asc" },
    select: { entityId: true, createdAt: true, before: true, after: true },
  });
  const reopened = new Map<string, Reopened>();
  for (const event of events) {
    const before = (event.before ?? {}) as {
      status?: HousingStatus;
      residence?: string | null;
      visibleToStudent?: boolean;
    };
    const after = (event.after ?? {}) as { reason?: ReopenReason };
    reopened.set(event.entityId, {
      at: event.createdAt,
      reason: after.reason ?? "round",
      from: before.status ?? "PENDING",
      residence: before.residence ?? null,
      visibleToStudent: before.visibleToStudent ?? false,
    });
  }
  return reopened;
}
