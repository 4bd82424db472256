import "server-only";
import { bulkSelectionLimit } from "@/lib/applications/bulk/rules";
import { queueWhere } from "@/lib/applications/queries";
import type { TQueueQuery } from "@/lib/applications/schemas";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

/**
 * "Select all matching the filters": the dossiers the queue lists with these filters (the
 * viewer's scope included), each with the status read now, which then guards its decision.
 * Bounded: a larger selection is refused by the caller with a request to narrow the filters.
 */
export async function selectMatchingDossiers(viewer: Viewer, query: TQueueQuery) {
  const rows = await db.application.findMany({
    where: await queueWhere(viewer, { ...query, after: undefined }, true),
    orderBy: { id: "asc" },
    take: bulkSelectionLimit + 1,
    select: { id: true, status: true },
  });
  return { items: rows.slice(0, bulkSelectionLimit), tooMany: rows.length > bulkSelectionLimit };
}
