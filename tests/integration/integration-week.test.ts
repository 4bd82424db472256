import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { ApplicationStatus, CefrLevel } from "@/lib/generated/prisma/enums";
import { mailMovedUp } from "@/lib/integration/week/mail";
import { getStudentIntegrationWeek } from "@/lib/integration/week/queries";
import {
  createIntegrationSession,
  signUpForIntegrationWeek,
  updateIntegrationSession,
  withdrawFromIntegrationWeek,
} from "@/lib/integration/week/service";
import { readOutbox } from "@/lib/mail/outbox";
import { createComponent, createViewer } from "./fixtures";

// R-INT-1: the integration week's seats and waiting list against the real database. Each test
// makes its own session in its own academic year, so tests never share seats.

let component: { id: string };
let admin: Viewer;
let year = 3000 + Math.floor(Math.random() * 5000);

beforeAll(async () => {
  component = await createComponent();
  admin = await createViewer("ADMIN");
});

async function session(capacity: number, academicYear = ++year) {
  const { id } = await createIntegrationSession(
    {
      academicYear,
      title: `September ${academicYear}`,
      startsOn: `${academicYear}-08-31`,
      endsOn: `${academicYear}-09-04`,
      dailyHours: "09:00–13:00",
      totalHours: 20,
      place: "Campus Schuman",
      capacity,
    },
    { id: admin.id },
  );
  return { id, academicYear };
}

async function student(
  academicYear: number,
  status: ApplicationStatus = "ACCEPTED",
  frenchLevel: CefrLevel | null = "B1",
) {
  const viewer = await createViewer("STUDENT");
  await db.application.create({
    data: { studentId: viewer.id, status, academicYear, componentId: component.id, frenchLevel, firstName: "Ana" },
  });
  return viewer;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof DomainError ? error.code : `unexpected: ${String(error)}`),
  );
}

const statuses = async (sessionId: string) =>
  db.integrationSignup
    .groupBy({ by: ["status"], where: { sessionId }, _count: { _all: true } })
    .then((groups) => Object.fromEntries(groups.map((group) => [group.status, group._count._all])));

describe("R-INT-1: signing up", () => {
  it("gives a seat, then the waiting list once full, with the place in the queue", async () => {
    const { id, academicYear } = await session(1);
    const [first, second, third] = [
      await student(academicYear),
      await student(academicYear),
      await student(academicYear),
    ];
    expect((await signUpForIntegrationWeek(first, { sessionId: id })).status).toBe("CONFIRMED");
    expect((await signUpForIntegrationWeek(second, { sessionId: id })).status).toBe("WAITLISTED");
    expect((await signUpForIntegrationWeek(third, { sessionId: id })).status).toBe("WAITLISTED");
    const view = await getStudentIntegrationWeek(third);
    expect(view?.signup).toEqual({ sessionId: id, status: "WAITLISTED", queuePosition: 2 });
    expect(view?.sessions.find((s) => s.id === id)?.seatsLeft).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "integrationWeek.waitlist", actorId: second.id } })).toBe(1);
  });

  it("signing up twice for the same session changes nothing", async () => {
    const { id, academicYear } = await session(5);
    const viewer = await student(academicYear);
    await signUpForIntegrationWeek(viewer, { sessionId: id });
    const again = await signUpForIntegrationWeek(viewer, { sessionId: id });
    expect(again.changed).toBe(false);
    expect(await db.integrationSignup.count({ where: { sessionId: id } })).toBe(1);
  });

  it("refuses a second session, a student not accepted, another year's session, a session started", async () => {
    const { id, academicYear } = await session(5);
    const other = await db.integrationSession.create({
      data: {
        academicYear,
        title: "January",
        startsOn: new Date(`${academicYear + 1}-01-12`),
        endsOn: new Date(`${academicYear + 1}-01-16`),
        dailyHours: "09:00–13:00",
        place: "Aix",
        capacity: 5,
      },
    });
    const viewer = await student(academicYear);
    await signUpForIntegrationWeek(viewer, { sessionId: id });
    expect(await codeOf(signUpForIntegrationWeek(viewer, { sessionId: other.id }))).toBe("integrationOtherSession");
    const submitted = await student(academicYear, "SUBMITTED");
    expect(await codeOf(signUpForIntegrationWeek(submitted, { sessionId: id }))).toBe("integrationNotAccepted");
    const nextYear = await student(academicYear + 1);
    expect(await codeOf(signUpForIntegrationWeek(nextYear, { sessionId: id }))).toBe("notFound");
    expect(await codeOf(signUpForIntegrationWeek(admin, { sessionId: id }))).toBe("notFound");
    const late = await student(academicYear);
    const started = new Date(`${academicYear}-08-31T10:00:00Z`);
    expect(await codeOf(signUpForIntegrationWeek(late, { sessionId: id }, undefined, started))).toBe(
      "integrationSessionStarted",
    );
    expect(await db.integrationSignup.count({ where: { sessionId: id } })).toBe(1);
  });

  it("10 students at the same instant on the last 3 seats: exactly 3 seats, 7 waiting", async () => {
    const { id, academicYear } = await session(10);
    for (let i = 0; i < 7; i++) await signUpForIntegrationWeek(await student(academicYear), { sessionId: id });
    const racers = await Promise.all(Array.from({ length: 10 }, () => student(academicYear)));
    const results = await Promise.allSettled(
      racers.map((viewer) => signUpForIntegrationWeek(viewer, { sessionId: id })),
    );
    expect(results.every((result) => result.status === "fulfilled")).toBe(true);
    expect(await statuses(id)).toEqual({ CONFIRMED: 10, WAITLISTED: 7 });
  });
});

describe("R-INT-1: withdrawing moves the waiting list up", () => {
  it("the first waiting student gets the freed seat and an e-mail", async () => {
    const { id, academicYear } = await session(1);
    const seated = await student(academicYear);
    const firstWaiting = await student(academicYear);
    const secondWaiting = await student(academicYear);
    for (const viewer of [seated, firstWaiting, secondWaiting])
      await signUpForIntegrationWeek(viewer, { sessionId: id });
    const { movedUp } = await withdrawFromIntegrationWeek(seated);
    expect(movedUp.map((m) => m.email)).toEqual([firstWaiting.email]);
    const seats = await db.integrationSignup.findMany({
      where: { sessionId: id },
      select: { application: { select: { studentId: true } }, status: true },
    });
    expect(seats.map((s) => [s.application.studentId, s.status]).sort()).toEqual(
      [
        [firstWaiting.id, "CONFIRMED"],
        [secondWaiting.id, "WAITLISTED"],
      ].sort(),
    );
    await mailMovedUp(movedUp, "test");
    const mails = (await readOutbox(env().MAIL_SINK_DIR!, 100_000)).filter((m) => m.to.includes(firstWaiting.email));
    expect(mails.map((m) => m.subject)).toEqual(["Integration week: you have a seat"]);
  });

  it("a waiting student who withdraws frees nothing; withdrawing twice is harmless", async () => {
    const { id, academicYear } = await session(1);
    const seated = await student(academicYear);
    const waiting = await student(academicYear);
    await signUpForIntegrationWeek(seated, { sessionId: id });
    await signUpForIntegrationWeek(waiting, { sessionId: id });
    expect((await withdrawFromIntegrationWeek(waiting)).movedUp).toEqual([]);
    expect((await withdrawFromIntegrationWeek(waiting)).withdrawn).toBe(false);
    expect(await statuses(id)).toEqual({ CONFIRMED: 1 });
  });

  it("more seats move students up; fewer seats than confirmed is refused", async () => {
    const { id, academicYear } = await session(1);
    const viewers = [await student(academicYear), await student(academicYear), await student(academicYear)];
    for (const viewer of viewers) await signUpForIntegrationWeek(viewer, { sessionId: id });
    const form = {
      id,
      academicYear,
      title: "September",
      startsOn: `${academicYear}-08-31`,
      endsOn: `${academicYear}-09-04`,
      dailyHours: "09:00–13:00",
      totalHours: 20,
      place: "Campus Schuman",
    };
    const { movedUp } = await updateIntegrationSession({ ...form, capacity: 3 }, { id: admin.id });
    expect(movedUp).toHaveLength(2);
    expect(await statuses(id)).toEqual({ CONFIRMED: 3 });
    expect(await codeOf(updateIntegrationSession({ ...form, capacity: 2 }, { id: admin.id }))).toBe(
      "integrationCapacityBelowConfirmed",
    );
  });
});

describe("R-ELI-3, R-INT-1: what the student sees", () => {
  it("the invitation below B2, and the FLE courses of their own component only", async () => {
    const { academicYear } = await session(5);
    const other = await createComponent();
    await db.fleCourse.createMany({
      data: [
        { componentId: component.id, academicYear, title: "FLE B1", schedule: "Tuesdays", place: "Room 1" },
        { componentId: other.id, academicYear, title: "FLE elsewhere", schedule: "Fridays", place: "Room 9" },
      ],
    });
    const beginner = await getStudentIntegrationWeek(await student(academicYear, "ACCEPTED", "A2"));
    expect(beginner?.invited).toBe(true);
    expect(beginner?.fleCourses.map((c) => c.title)).toEqual(["FLE B1"]);
    expect((await getStudentIntegrationWeek(await student(academicYear, "ACCEPTED", "C1")))?.invited).toBe(false);
    expect(await getStudentIntegrationWeek(await student(academicYear, "SUBMITTED"))).toBeNull();
  });
});
