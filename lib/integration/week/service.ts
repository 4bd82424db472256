import "server-only";
import { lockOwnAcceptedApplicationOrThrow } from "@/lib/applications/own-application";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { isOpenForSignUp, movesUp, placeFor } from "@/lib/integration/week/rules";
import type { TCreateIntegrationSession, TUpdateIntegrationSession } from "@/lib/integration/week/schemas";
import { dateToDay, dayToDate, parisDay } from "@/lib/paris-time";

/**
 * The integration week (R-INT-1): the only writer of IntegrationSession and IntegrationSignup.
 * Every change of a session's seats happens under a lock on the session's row, so concurrent
 * sign-ups are served one after the other and the confirmed count never exceeds the capacity.
 */

type StudentViewer = Pick<Viewer, "id" | "role">;
type Actor = { id: string; requestId?: string };

/** A student who moved up from the waiting list, to be told by e-mail once committed. */
export type MovedUp = { email: string; name: string; locale: "fr" | "en"; title: string; startsOn: string };

async function lockSessionOrThrow(tx: Tx, sessionId: string) {
  const rows = await tx.$queryRaw<
    { id: string; academicYear: number; title: string; startsOn: Date; capacity: number }[]
  >`SELECT "id", "academicYear", "title", "startsOn", "capacity" FROM "IntegrationSession"
    WHERE "id" = ${sessionId}::uuid FOR UPDATE`;
  const session = rows[0];
  if (!session) throw new NotFoundError();
  return session;
}

/** R-INT-1: fills the seats a session has free from its waiting list, first come first served. */
async function moveUpWaiting(
  tx: Tx,
  session: { id: string; title: string; startsOn: Date; capacity: number },
  actor: Actor,
): Promise<MovedUp[]> {
  const confirmed = await tx.integrationSignup.count({ where: { sessionId: session.id, status: "CONFIRMED" } });
  const waiting = await tx.integrationSignup.findMany({
    where: { sessionId: session.id, status: "WAITLISTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: Math.max(0, session.capacity - confirmed),
    select: {
      id: true,
      createdAt: true,
      applicationId: true,
      application: {
        select: { contactEmail: true, firstName: true, student: { select: { email: true, name: true, locale: true } } },
      },
    },
  });
  const promoted = movesUp(waiting, session.capacity - confirmed);
  for (const signup of promoted) {
    await tx.integrationSignup.update({ where: { id: signup.id }, data: { status: "CONFIRMED" } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "integrationWeek.movedUp",
      entityType: "IntegrationSignup",
      entityId: signup.id,
      before: { status: "WAITLISTED" },
      after: { status: "CONFIRMED", sessionId: session.id, applicationId: signup.applicationId },
      requestId: actor.requestId,
    });
  }
  return promoted.map(({ application }) => ({
    email: application.student.email,
    name: application.firstName ?? application.student.name,
    locale: application.student.locale,
    title: session.title,
    startsOn: dateToDay(session.startsOn),
  }));
}

/**
 * R-INT-1: an accepted student takes a seat in a session of their academic year, or a place on
 * its waiting list when it is full. Signing up again for the same session changes nothing; a
 * student already signed up for another session withdraws from it first.
 */
export async function signUpForIntegrationWeek(
  viewer: StudentViewer,
  input: { sessionId: string },
  requestId?: string,
  now: Date = new Date(),
) {
  return db.$transaction(async (tx) => {
    const application = await lockOwnAcceptedApplicationOrThrow(tx, viewer, "integrationNotAccepted");
    const current = await tx.integrationSignup.findUnique({
      where: { applicationId: application.id },
      select: { id: true, sessionId: true, status: true },
    });
    if (current?.sessionId === input.sessionId) return { signupId: current.id, status: current.status, changed: false };
    if (current) throw new DomainError("integrationOtherSession");
    const session = await lockSessionOrThrow(tx, input.sessionId);
    if (session.academicYear !== application.academicYear) throw new NotFoundError();
    if (!isOpenForSignUp(dateToDay(session.startsOn), parisDay(now)))
      throw new DomainError("integrationSessionStarted");
    const confirmed = await tx.integrationSignup.count({ where: { sessionId: session.id, status: "CONFIRMED" } });
    const status = placeFor(confirmed, session.capacity);
    const signup = await tx.integrationSignup.create({
      data: { sessionId: session.id, applicationId: application.id, status },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: status === "CONFIRMED" ? "integrationWeek.signUp" : "integrationWeek.waitlist",
      entityType: "IntegrationSignup",
      entityId: signup.id,
      after: { sessionId: session.id, applicationId: application.id, status },
      requestId,
    });
    return { signupId: signup.id, status, changed: true };
  });
}

/**
 * R-INT-1: the student withdraws (from a seat or the waiting list). A freed seat goes to the
 * first waiting student in the same transaction; who moved up is answered, to be e-mailed.
 * Withdrawing without a sign-up is harmless.
 */
export async function withdrawFromIntegrationWeek(viewer: StudentViewer, requestId?: string) {
  return db.$transaction(async (tx) => {
    const application = await lockOwnAcceptedApplicationOrThrow(tx, viewer, "integrationNotAccepted");
    const signup = await tx.integrationSignup.findUnique({
      where: { applicationId: application.id },
      select: { id: true, sessionId: true, status: true },
    });
    if (!signup) return { withdrawn: false, movedUp: [] as MovedUp[] };
    const session = await lockSessionOrThrow(tx, signup.sessionId);
    await tx.integrationSignup.delete({ where: { id: signup.id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "integrationWeek.withdraw",
      entityType: "IntegrationSignup",
      entityId: signup.id,
      before: { sessionId: signup.sessionId, applicationId: application.id, status: signup.status },
      requestId,
    });
    const movedUp = signup.status === "CONFIRMED" ? await moveUpWaiting(tx, session, { id: viewer.id, requestId }) : [];
    return { withdrawn: true, movedUp };
  });
}

// ---------------------------------------------------------------------------------------------
// Admin

function sessionData(input: TCreateIntegrationSession) {
  return {
    academicYear: input.academicYear,
    title: input.title,
    startsOn: dayToDate(input.startsOn),
    endsOn: dayToDate(input.endsOn),
    dailyHours: input.dailyHours,
    totalHours: input.totalHours,
    place: input.place,
    capacity: input.capacity,
  };
}

export async function createIntegrationSession(input: TCreateIntegrationSession, actor: Actor) {
  return db.$transaction(async (tx) => {
    const session = await tx.integrationSession.create({ data: sessionData(input), select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "integrationWeek.createSession",
      entityType: "IntegrationSession",
      entityId: session.id,
      after: { ...input },
      requestId: actor.requestId,
    });
    return session;
  });
}

/**
 * Changes a session. More seats move waiting students up (they are e-mailed); fewer seats than
 * students already confirmed is refused, since nobody loses a seat they were given.
 */
export async function updateIntegrationSession(input: TUpdateIntegrationSession, actor: Actor) {
  return db.$transaction(async (tx) => {
    await lockSessionOrThrow(tx, input.id);
    const confirmed = await tx.integrationSignup.count({ where: { sessionId: input.id, status: "CONFIRMED" } });
    if (input.capacity < confirmed)
      throw new DomainError("integrationCapacityBelowConfirmed", { confirmed }, "capacity");
    const { id, ...fields } = input;
    const session = await tx.integrationSession.update({
      where: { id },
      data: sessionData(fields),
      select: { id: true, title: true, startsOn: true, capacity: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "integrationWeek.updateSession",
      entityType: "IntegrationSession",
      entityId: id,
      after: { ...fields },
      requestId: actor.requestId,
    });
    const movedUp = await moveUpWaiting(tx, session, actor);
    return { id, movedUp };
  });
}
