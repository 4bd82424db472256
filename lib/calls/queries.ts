import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { callState } from "@/lib/calls/rules";
import { db } from "@/lib/db";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

/** What every reader of a call needs: its year, period and dates. */
export const callColumns = {
  id: true,
  academicYear: true,
  period: true,
  opensAt: true,
  nominationDeadline: true,
  applicationDeadline: true,
  // R-ELI-8: the faculties a call is limited to (none: every faculty).
  components: { select: { id: true, code: true, nameFr: true, nameEn: true }, orderBy: { code: "asc" } },
} as const;

/** A call as the rules read it: its faculties by id. */
export function withComponentIds<T extends { components: { id: string }[] }>(call: T) {
  return { ...call, componentIds: call.components.map((component) => component.id) };
}

/**
 * The admin list (tens of rows a year), newest first, with each call's state and its
 * applications counted per status (R-ELI-8: staff see counts per call).
 */
export async function listCallsForAdmin(viewer: AdminViewer, now = new Date()) {
  assertAdminViewer(viewer);
  const [calls, counts] = await Promise.all([
    db.applicationCall.findMany({
      orderBy: [{ academicYear: "desc" }, { period: "asc" }, { applicationDeadline: "desc" }],
      select: callColumns,
    }),
    db.application.groupBy({ by: ["callId", "status"], where: { callId: { not: null } }, _count: { _all: true } }),
  ]);
  return calls.map((call) => {
    const byStatus: Partial<Record<ApplicationStatus, number>> = {};
    for (const row of counts) if (row.callId === call.id) byStatus[row.status] = row._count._all;
    const drafts = byStatus.DRAFT ?? 0;
    const total = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
    return { ...call, state: callState(call, now), drafts, submitted: total - drafts, total };
  });
}

/** Null when there is no such call (or the id is not even a UUID: the page answers 404). */
export async function getCallForEdit(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  return db.applicationCall.findUnique({ where: { id }, select: callColumns });
}

/**
 * The calls open now or opening later, soonest deadline first: public information (the home
 * page, the dossier, the study step's choices).
 */
export async function listOpenAndUpcomingCalls(now = new Date()) {
  const calls = await db.applicationCall.findMany({
    where: { applicationDeadline: { gte: now } },
    orderBy: [{ applicationDeadline: "asc" }],
    select: callColumns,
  });
  return calls.map((call) => ({ ...call, state: callState(call, now) }));
}
