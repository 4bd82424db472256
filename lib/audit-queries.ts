import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";

/**
 * The audit trail as admins read it (/admin/audit): newest first, filtered, 50 a page by
 * keyset on the id. Read only: the application has no code path that changes or deletes an
 * event (tests/unit/audit-append-only.test.ts checks the sources), only the retention and
 * erasure rules empty their contents (lib/privacy).
 */
export const ZAuditQuery = z.object({
  entityType: z
    .string()
    .trim()
    .max(60)
    .regex(/^[A-Za-z]*$/)
    .optional()
    .catch(undefined),
  entityId: z.string().trim().max(60).optional().catch(undefined),
  action: z.string().trim().max(60).optional().catch(undefined),
  before: z.coerce.bigint().positive().optional().catch(undefined),
});
export type TAuditQuery = z.output<typeof ZAuditQuery>;

export const auditPageSize = 50;

export async function listAuditEvents(viewer: AdminViewer, query: TAuditQuery) {
  assertAdminViewer(viewer);
  const rows = await db.auditEvent.findMany({
    where: {
      ...(query.entityType ? { entityType: query.entityType } : {}),
      ...(query.entityId ? { entityId: query.entityId } : {}),
      ...(query.action ? { action: { startsWith: query.action } } : {}),
      ...(query.before ? { id: { lt: query.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: auditPageSize + 1,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      requestId: true,
      actor: { select: { name: true, email: true } },
    },
  });
  return {
    rows: rows.slice(0, auditPageSize),
    nextBefore: rows.length > auditPageSize ? rows[auditPageSize - 1]!.id : null,
  };
}

/**
 * One record's history (e.g. an agreement's admin page): its audit events, oldest first, with
 * the snapshots so the page can say what changed. Bounded: a record edited more often shows
 * its latest changes and links to the full trail.
 */
export const entityHistoryLimit = 100;

export async function listEntityHistory(viewer: AdminViewer, entityType: string, entityId: string) {
  assertAdminViewer(viewer);
  const rows = await db.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: { id: "desc" },
    take: entityHistoryLimit,
    select: {
      id: true,
      createdAt: true,
      action: true,
      before: true,
      after: true,
      actor: { select: { name: true } },
    },
  });
  return rows.reverse();
}
