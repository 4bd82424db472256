import "server-only";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { isUnread, sideOf } from "@/lib/conversation/rules";
import { db } from "@/lib/db";

/**
 * R-MSG-2, R-MSG-5: a dossier's thread as the viewer may see it (the student their own, staff
 * their scope's), oldest first, each message flagged unread for this viewer; null when the
 * dossier is not the viewer's to see.
 */
export async function getThread(viewer: Viewer, applicationId: string) {
  const application = await db.application.findFirst({
    where: { id: applicationId, ...(viewer.role === "STUDENT" ? { studentId: viewer.id } : staffScope(viewer)) },
    select: { id: true },
  });
  if (!application) return null;
  const [messages, read] = await Promise.all([
    db.dossierMessage.findMany({
      where: { applicationId },
      orderBy: { createdAt: "asc" },
      select: { id: true, side: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
    db.dossierThreadRead.findUnique({
      where: { applicationId_userId: { applicationId, userId: viewer.id } },
      select: { readAt: true },
    }),
  ]);
  const reader = { side: sideOf(viewer.role), readAt: read?.readAt ?? null };
  const shown = messages.map((message) => ({ ...message, unread: isUnread(message, reader) }));
  return {
    messages: shown,
    unread: shown.filter((message) => message.unread).length,
    newest: messages.at(-1)?.createdAt ?? null,
  };
}

/**
 * R-MSG-5: how many of the student's messages each dossier has that this member of staff has
 * not read, for the queue's page of dossiers (only those of the viewer's scope are counted).
 */
export async function countUnreadForStaff(viewer: Viewer, applicationIds: string[]): Promise<Map<string, number>> {
  if (applicationIds.length === 0) return new Map();
  const visible = await db.application.findMany({
    where: { id: { in: applicationIds }, ...staffScope(viewer) },
    select: { id: true },
  });
  const ids = visible.map((application) => application.id);
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ applicationId: string; unread: number }[]>`
    SELECT m."applicationId"::text AS "applicationId", count(*)::int AS "unread"
    FROM "DossierMessage" m
    LEFT JOIN "DossierThreadRead" r ON r."applicationId" = m."applicationId" AND r."userId" = ${viewer.id}::uuid
    WHERE m."applicationId" = ANY(${ids}::uuid[]) AND m."side" = 'STUDENT'
      AND (r."readAt" IS NULL OR m."createdAt" > r."readAt")
    GROUP BY m."applicationId"`;
  return new Map(rows.map((row) => [row.applicationId, row.unread]));
}

/**
 * R-MSG-1: the student's contacts for a faculty: its IR correspondents (active accounts) and
 * its office hours in the reader's language. Public facts of the faculty, not of the dossier.
 */
export async function getFacultyContacts(componentId: string | null, locale: "fr" | "en") {
  if (!componentId) return null;
  const component = await db.component.findUnique({
    where: { id: componentId },
    select: {
      nameFr: true,
      nameEn: true,
      officeHoursFr: true,
      officeHoursEn: true,
      correspondents: {
        where: { role: "CORRESPONDENT", disabled: false },
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true },
      },
    },
  });
  if (!component) return null;
  return {
    faculty: locale === "fr" ? component.nameFr : component.nameEn,
    officeHours: (locale === "fr" ? component.officeHoursFr : component.officeHoursEn) ?? null,
    correspondents: component.correspondents,
  };
}
