import "server-only";
import { newestApplicationFirst, preferAccepted } from "@/lib/application-status";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { IntegrationSignupStatus } from "@/lib/generated/prisma/enums";
import { isInvitedToIntegrationWeek, isOpenForSignUp } from "@/lib/integration/week/rules";
import { dateToDay, parisDay } from "@/lib/paris-time";

// The integration week's reads (R-INT-1): the student's scoped to their own application (other
// students only show as seats taken), the admin's behind the admin viewer.

const sessionSelect = {
  id: true,
  academicYear: true,
  title: true,
  startsOn: true,
  endsOn: true,
  dailyHours: true,
  totalHours: true,
  place: true,
  capacity: true,
} as const;

async function confirmedCounts(sessionIds: string[]) {
  const groups = await db.integrationSignup.groupBy({
    by: ["sessionId", "status"],
    where: { sessionId: { in: sessionIds } },
    _count: { _all: true },
  });
  const count = (sessionId: string, status: IntegrationSignupStatus) =>
    groups.find((group) => group.sessionId === sessionId && group.status === status)?._count._all ?? 0;
  return { confirmed: (id: string) => count(id, "CONFIRMED"), waiting: (id: string) => count(id, "WAITLISTED") };
}

/**
 * The student's integration week: the sessions of their academic year with the seats left,
 * their own sign-up (and place in the queue), whether they are invited (R-ELI-3), and the FLE
 * courses of their component. Null without an accepted application.
 */
export async function getStudentIntegrationWeek(viewer: Pick<Viewer, "id">, now: Date = new Date()) {
  // R-ELI-9: the accepted application, even when a newer one (an extension) is in progress.
  const application = await preferAccepted((status) =>
    db.application.findFirst({
      where: { studentId: viewer.id, ...status },
      orderBy: newestApplicationFirst,
      select: {
        id: true,
        status: true,
        academicYear: true,
        frenchLevel: true,
        componentId: true,
        integrationSignup: { select: { id: true, sessionId: true, status: true, createdAt: true } },
      },
    }),
  );
  if (application?.status !== "ACCEPTED" || application.academicYear === null) return null;
  const sessions = await db.integrationSession.findMany({
    where: { academicYear: application.academicYear },
    orderBy: [{ startsOn: "asc" }, { id: "asc" }],
    select: sessionSelect,
  });
  const counts = await confirmedCounts(sessions.map((session) => session.id));
  const today = parisDay(now);
  const signup = application.integrationSignup;
  const queuePosition =
    signup?.status === "WAITLISTED"
      ? 1 +
        (await db.integrationSignup.count({
          where: {
            sessionId: signup.sessionId,
            status: "WAITLISTED",
            OR: [{ createdAt: { lt: signup.createdAt } }, { createdAt: signup.createdAt, id: { lt: signup.id } }],
          },
        }))
      : null;
  const fleCourses = application.componentId
    ? await db.fleCourse.findMany({
        where: { componentId: application.componentId, academicYear: application.academicYear },
        orderBy: [{ title: "asc" }, { id: "asc" }],
        select: { id: true, title: true, schedule: true, place: true },
      })
    : [];
  return {
    invited: isInvitedToIntegrationWeek(application.frenchLevel),
    sessions: sessions.map((session) => ({
      ...session,
      seatsLeft: Math.max(0, session.capacity - counts.confirmed(session.id)),
      open: isOpenForSignUp(dateToDay(session.startsOn), today),
    })),
    signup: signup ? { sessionId: signup.sessionId, status: signup.status, queuePosition } : null,
    fleCourses,
  };
}

/** The admin's list: every session, newest year first, with seats taken and students waiting. */
export async function listIntegrationSessionsForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  const sessions = await db.integrationSession.findMany({
    orderBy: [{ academicYear: "desc" }, { startsOn: "asc" }, { id: "asc" }],
    select: sessionSelect,
  });
  const counts = await confirmedCounts(sessions.map((session) => session.id));
  return sessions.map((session) => ({
    ...session,
    confirmed: counts.confirmed(session.id),
    waiting: counts.waiting(session.id),
  }));
}

export async function getIntegrationSessionForAdmin(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  return db.integrationSession.findUnique({ where: { id }, select: sessionSelect });
}
