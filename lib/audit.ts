import "server-only";
import type { AuditAction } from "@/lib/audit-action-labels";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  actorId: string | null;
  /** noun.verb, e.g. "user.register", "application.accept"; each has a label (lib/audit-action-labels.ts). */
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  requestId?: string;
}

/**
 * Records one mutation. It takes the transaction client on purpose: the event is written in
 * the same transaction as the change, so there is never a change without its event or an
 * event without its change.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: entry });
}
