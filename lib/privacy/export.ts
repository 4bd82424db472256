import "server-only";
import { newestApplicationFirst } from "@/lib/application-status";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { HousingStatus } from "@/lib/generated/prisma/enums";
import { studentHousingStatus } from "@/lib/housing/student/rules";

/**
 * GDPR art. 15 and 20: everything the portal holds about the signed-in person, as one JSON
 * document. Read only for the viewer's own account; never a password hash, a session token or
 * a storage key (the files themselves are downloaded one by one from the dossier).
 */
export async function exportPersonalData(viewer: Pick<Viewer, "id">) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      locale: true,
      disabled: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  const [sessions, applications, auditEvents] = await Promise.all([
    db.userSession.findMany({
      where: { userId: viewer.id },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true },
    }),
    // R-ELI-9: every application the student made, newest first.
    db.application.findMany({
      where: { studentId: viewer.id },
      orderBy: newestApplicationFirst,
      omit: { searchText: true },
      include: {
        partner: { select: { name: true, country: true, city: true } },
        component: { select: { code: true, nameFr: true, nameEn: true } },
        programme: { select: { nameFr: true, nameEn: true } },
        documents: {
          select: {
            id: true,
            kind: true,
            originalName: true,
            contentType: true,
            size: true,
            sha256: true,
            createdAt: true,
          },
        },
        // Staff's internal comments are their working notes, never shown to the student (as on the dossier page).
        notes: {
          where: { kind: { not: "INTERNAL_COMMENT" } },
          orderBy: { createdAt: "asc" },
          select: { kind: true, body: true, createdAt: true },
        },
        // R-MSG-2: the dossier's thread, both sides: the student reads all of it on the dossier.
        messages: {
          orderBy: { createdAt: "asc" },
          select: { side: true, body: true, createdAt: true, author: { select: { name: true } } },
        },
        housingRequest: {
          select: {
            cityPreference: true,
            needs: true,
            requestedAt: true,
            status: true,
            waitlistPosition: true,
            decidedAt: true,
            interlogRegisteredAt: true,
            interlogRequestedAt: true,
            depositPaidAt: true,
            commitmentsAcceptedAt: true,
            residence: { select: { name: true, city: true, address: true } },
            round: { select: { academicYear: true, semester: true, releasedAt: true } },
          },
        },
        arrival: {
          include: {
            steps: { select: { stepId: true, doneAt: true } },
            reminders: { select: { deadline: true, offsetDays: true, sentAt: true } },
            procedure: { select: { code: true, version: true, nameEn: true } },
          },
        },
        welcomeDeskBooking: {
          select: {
            createdAt: true,
            slot: {
              select: {
                startsAt: true,
                endsAt: true,
                desk: { select: { city: true, placeName: true, address: true } },
              },
            },
          },
        },
      },
    }),
    db.auditEvent.findMany({
      where: { OR: [{ actorId: viewer.id }, { entityType: "User", entityId: viewer.id }] },
      orderBy: { createdAt: "asc" },
      select: { action: true, entityType: true, entityId: true, createdAt: true },
    }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    about:
      "Everything the AMU incoming-students portal holds about you (GDPR articles 15 and 20). Documents are listed here; download each from your dossier.",
    account: user,
    sessions,
    applications: applications.map((application) => ({
      ...application,
      housingRequest: application.housingRequest && visibleHousing(application.housingRequest),
    })),
    activity: auditEvents.map((event) => ({ ...event })),
  };
}

/**
 * R-HOU-3: a housing decision is the student's once its round is released, in the export as on
 * the housing page; before that the request reads "pending", with no residence or position.
 */
function visibleHousing<
  Request extends {
    status: HousingStatus;
    residence: unknown;
    waitlistPosition: number | null;
    decidedAt: Date | null;
    round: { releasedAt: Date | null };
  },
>(request: Request) {
  const status = studentHousingStatus(request.status, request.round);
  if (status === request.status) return request;
  return { ...request, status, residence: null, waitlistPosition: null, decidedAt: null };
}
