/**
 * "Nothing lost": many students submit their application at once while the database is
 * restarted in the middle. Every submission acknowledged to a student must be in the database
 * afterwards, none twice (status, audit event, residence request, confirmation e-mail), and the
 * portal must recover without being restarted (the same Prisma client and pool keep working).
 *
 * Runs against the private PostgreSQL of tests/load/setup.ts, which it stops and starts.
 * LOAD_STUDENTS (default 300) and LOAD_CONCURRENCY (default 30) change the scale.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requiredDocuments } from "@/lib/applications/rules";
import { submitApplication } from "@/lib/applications/service";
import type { Viewer } from "@/lib/auth/viewer";
import { type Db, db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { readOutbox } from "@/lib/mail/outbox";
import { sendTemplateMail } from "@/lib/mail/template";
import { createComponent, createPartner, thisYear } from "../integration/fixtures";

const studentCount = Number(process.env.LOAD_STUDENTS ?? 300);
const concurrency = Number(process.env.LOAD_CONCURRENCY ?? 30);
/** A student gives up clicking "submit" again after this long. */
const retryWindowMs = 20_000;
/** The restart begins this long after the start, once a tenth of the students are through. */
const restartAfterMs = 1_000;
const downForMs = 2_000;

interface Student {
  viewer: Viewer;
  applicationId: string;
}

let component: { id: string };
let partner: { id: string };

beforeAll(async () => {
  component = await createComponent();
  partner = await createPartner([{ componentIds: [component.id], levels: ["MASTER"], seats: 5 }]);
});

afterAll(async () => {
  await db.$disconnect();
});

/** `count` students, each with a complete draft and its required documents: three INSERTs. */
async function prepareStudents(count: number): Promise<Student[]> {
  const tag = randomBytes(4).toString("hex");
  const students = Array.from({ length: count }, (_, index) => {
    const id = randomUUID();
    const email = `load-${tag}-${index}@example.org`;
    const name = `Load Student ${tag} ${index}`;
    return {
      viewer: {
        id,
        sessionId: "load",
        email,
        name,
        role: "STUDENT",
        locale: "en",
        emailVerified: true,
        componentIds: [],
      } satisfies Viewer,
      applicationId: randomUUID(),
    };
  });
  await db.user.createMany({
    data: students.map(({ viewer }) => ({
      id: viewer.id,
      email: viewer.email,
      name: viewer.name,
      passwordHash: "not-used-in-load-tests",
      role: "STUDENT" as const,
    })),
  });
  await db.application.createMany({
    data: students.map(({ viewer, applicationId }, index) => ({
      id: applicationId,
      studentId: viewer.id,
      firstName: "Ada",
      lastName: `Load ${index}`,
      dateOfBirth: new Date("2002-02-02"),
      nationality: "DE",
      contactEmail: viewer.email,
      phone: "+49 721 000",
      addressLine: "Street 1",
      city: "Karlsruhe",
      country: "DE",
      partnerId: partner.id,
      homeCoordinatorName: "Dr. Weber",
      homeCoordinatorEmail: "weber@example.org",
      nominatedBy: "International Office",
      nominatedOn: new Date(),
      componentId: component.id,
      studyLevel: "MASTER" as const,
      period: "S1" as const,
      academicYear: thisYear,
      plannedCourses: [{ title: "Photonics", ects: 30, semester: "S1" }],
      frenchLevel: "B2" as const,
      englishLevel: "C1" as const,
      languagesDeclared: true,
      housingRequested: true,
      housingCity: "MARSEILLE" as const,
      searchText: `ada load ${index} ${viewer.email}`,
    })),
  });
  await db.applicationDocument.createMany({
    data: students.flatMap(({ viewer, applicationId }) =>
      requiredDocuments.map((kind) => ({
        applicationId,
        kind,
        originalName: `${kind}.pdf`,
        storageKey: `load-${randomUUID()}`,
        contentType: "application/pdf",
        size: 100,
        sha256: "0".repeat(64),
        uploadedById: viewer.id,
      })),
    ),
  });
  return students;
}

interface Outcome {
  student: Student;
  attempts: number;
  acknowledged: boolean;
  acknowledgedAt?: number;
  /** Why each failed attempt failed (error code or class, first line of the message). */
  errors: string[];
  /** The last error, when the student gave up or the portal gave a final answer. */
  finalError?: unknown;
  /** The retry found the submission already committed (its first answer was lost): no second e-mail. */
  alreadySubmitted?: boolean;
  mailSent?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function describeError(error: unknown): string {
  if (error instanceof DomainError) return `${error.name}:${error.code}`;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const first =
      error.message
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .at(-1) ?? "";
    return `${error.name}${code ? `[${String(code)}]` : ""}: ${first.slice(0, 140)}`;
  }
  return String(error);
}

/**
 * One student: clicks "submit" (the service call of submitApplicationAction), and clicks again
 * after a short wait while the portal answers with an error that is not a domain answer, for at
 * most `retryWindowMs`. Acknowledged = the call resolved. Then the confirmation e-mail, as the
 * action sends it after the commit (same template, same SMTP path; notify() itself needs
 * next-intl's request context, which only a Next server has).
 */
async function studentSubmits(student: Student): Promise<Outcome> {
  const outcome: Outcome = { student, attempts: 0, acknowledged: false, errors: [] };
  const deadline = Date.now() + retryWindowMs;
  for (;;) {
    outcome.attempts += 1;
    try {
      const result = await submitApplication(student.viewer, `load-${student.viewer.id}-${outcome.attempts}`);
      outcome.acknowledged = true;
      outcome.alreadySubmitted = result.alreadySubmitted;
      outcome.acknowledgedAt = Date.now();
      break;
    } catch (error) {
      outcome.errors.push(describeError(error));
      // A DomainError is the portal's answer (shown to the student), not a failure to retry.
      const backoff = Math.min(1_000, 100 * 2 ** (outcome.attempts - 1)) * (0.5 + Math.random());
      if (error instanceof DomainError || Date.now() + backoff > deadline) {
        outcome.finalError = error;
        break;
      }
      await sleep(backoff);
    }
  }
  if (outcome.acknowledged && !outcome.alreadySubmitted) {
    try {
      await sendTemplateMail({
        to: student.viewer.email,
        locale: "en",
        template: "submitted",
        values: { name: student.viewer.name },
      });
      outcome.mailSent = true;
    } catch {
      // notify() logs and swallows a mail failure: the submission stands.
      outcome.mailSent = false;
    }
  }
  return outcome;
}

async function control(
  action: "stop" | "start",
): Promise<{ stoppedAt?: number; startedAt?: number; downMs?: number | null; error?: string }> {
  const response = await fetch(`${process.env.LOAD_PG_CONTROL_URL}/${action}`, { method: "POST" });
  const body = (await response.json()) as { error?: string };
  if (!response.ok) throw new Error(`PostgreSQL ${action} failed: ${body.error}`);
  return body;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe("submissions while the database restarts", () => {
  it(`${studentCount} students submit at once (${concurrency} at a time); PostgreSQL is stopped for ~${downForMs} ms in the middle: nothing acknowledged is lost, nothing is duplicated`, async () => {
    const preparing = Date.now();
    const [spare, ...students] = (await prepareStudents(studentCount + 1)) as [Student, ...Student[]];
    const prepareMs = Date.now() - preparing;
    // The process's one client (one pool), created on first use above: it must survive.
    const clientBefore = (globalThis as unknown as { portalDb?: Db }).portalDb;
    expect(clientBefore).toBeDefined();

    const outcomes: Outcome[] = [];
    const started = Date.now();
    let acknowledgedBeforeRestart = -1;
    let stoppedAt = 0;
    let startedAt = 0;
    const restart = (async () => {
      await sleep(restartAfterMs);
      // In the middle: a tenth already through (the first second can go on warming up).
      while (outcomes.filter((outcome) => outcome.acknowledged).length < students.length / 10) await sleep(20);
      acknowledgedBeforeRestart = outcomes.filter((outcome) => outcome.acknowledged).length;
      ({ stoppedAt = 0 } = await control("stop"));
      await sleep(downForMs);
      ({ startedAt = 0 } = await control("start"));
    })();

    const queue = [...students];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let student = queue.shift(); student; student = queue.shift())
          outcomes.push(await studentSubmits(student));
      }),
    );
    const loadMs = Date.now() - started;
    await restart;
    const downtimeMs = startedAt - stoppedAt;

    // Recovery without a restart: the same client, a first try that works.
    const recovery = Date.now();
    await expect(submitApplication(spare.viewer, "load-after-restart")).resolves.toMatchObject({
      applicationId: spare.applicationId,
    });
    const recoveryMs = Date.now() - recovery;
    expect((globalThis as unknown as { portalDb?: Db }).portalDb).toBe(clientBefore);
    const [{ connections }] = await db.$queryRaw<[{ connections: number }]>`
      SELECT count(*)::int AS connections FROM pg_stat_activity WHERE datname = current_database()`;

    // What the database holds afterwards.
    const ids = students.map((student) => student.applicationId);
    const applications = await db.application.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true },
    });
    const status = new Map(applications.map((application) => [application.id, application.status]));
    const submitEvents = await db.auditEvent.findMany({
      where: { action: "application.submit", entityId: { in: ids } },
      select: { entityId: true },
    });
    const eventsPer = countBy(submitEvents, (event) => event.entityId);
    const housingRequests = await db.housingRequest.findMany({
      where: { applicationId: { in: ids } },
      select: { applicationId: true },
    });
    const housingPer = countBy(housingRequests, (request) => request.applicationId);
    const mails = (await readOutbox(env().MAIL_SINK_DIR!, 100_000)).filter((message) =>
      message.to.some((to) => to.startsWith("load-")),
    );
    const mailsPer = countBy(
      mails.flatMap((message) => message.to),
      (to) => to,
    );

    const acknowledged = outcomes.filter((outcome) => outcome.acknowledged);
    const retried = outcomes.filter((outcome) => outcome.attempts > 1);
    const failedForGood = outcomes.filter((outcome) => !outcome.acknowledged);
    // Committed although the student was told it failed (the answer to the COMMIT was lost).
    const committedUnacknowledged = failedForGood.filter(
      (outcome) => status.get(outcome.student.applicationId) === "SUBMITTED",
    );
    const lostAfterAck = acknowledged.filter(
      (outcome) =>
        status.get(outcome.student.applicationId) !== "SUBMITTED" || eventsPer.get(outcome.student.applicationId) !== 1,
    );
    const duplicateEvents = [...eventsPer.values()].filter((count) => count > 1).length;
    const duplicateHousing = [...housingPer.values()].filter((count) => count > 1).length;
    const duplicateMails = [...mailsPer.values()].filter((count) => count > 1).length;
    const submittedWithoutEvent = ids.filter(
      (id) => (status.get(id) === "SUBMITTED") !== (eventsPer.get(id) === 1),
    ).length;
    const errorKinds = countBy(
      outcomes.flatMap((outcome) => outcome.errors),
      (error) => error.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<uuid>"),
    );

    const report = {
      attempted: outcomes.length,
      acknowledged: acknowledged.length,
      acknowledgedBeforeRestart,
      acknowledgedAfterRestart: acknowledged.filter((outcome) => outcome.acknowledgedAt! > startedAt).length,
      retried: retried.length,
      failedAttempts: outcomes.reduce((sum, outcome) => sum + outcome.attempts - 1 + (outcome.acknowledged ? 0 : 1), 0),
      maxAttempts: Math.max(...outcomes.map((outcome) => outcome.attempts)),
      failedForGood: failedForGood.length,
      committedButUnacknowledged: committedUnacknowledged.length,
      retriesThatFoundTheirCommit: acknowledged.filter((outcome) => outcome.alreadySubmitted).length,
      foundSubmittedAfterwards: ids.filter((id) => status.get(id) === "SUBMITTED").length,
      lostAfterAcknowledgement: lostAfterAck.length,
      duplicateSubmitEvents: duplicateEvents,
      duplicateHousingRequests: duplicateHousing,
      mailsSent: acknowledged.filter((outcome) => outcome.mailSent).length,
      mailsInSink: mails.length,
      duplicateMails,
      downtimeMs,
      restartStartedAtMs: stoppedAt - started,
      loadDurationMs: loadMs,
      prepareMs,
      recoveryCallMs: recoveryMs,
      connectionsAfterwards: connections,
      errorKinds: Object.fromEntries([...errorKinds].sort((a, b) => b[1] - a[1])),
    };
    console.log(`\nLoad test: submissions while PostgreSQL restarts\n${JSON.stringify(report, null, 2)}\n`);

    // The restart really happened in the middle of the load, and really hurt.
    expect(downtimeMs).toBeGreaterThanOrEqual(downForMs);
    expect(acknowledgedBeforeRestart).toBeGreaterThan(0);
    expect(report.acknowledgedAfterRestart).toBeGreaterThan(0);
    expect(retried.length).toBeGreaterThan(0);
    // Nothing acknowledged is lost; nothing is duplicated.
    expect(lostAfterAck.map((outcome) => outcome.student.viewer.email)).toEqual([]);
    expect(duplicateEvents).toBe(0);
    expect(duplicateHousing).toBe(0);
    expect(duplicateMails).toBe(0);
    expect(submittedWithoutEvent).toBe(0);
    // Every acknowledged student got their one e-mail (none for a retry that found its lost
    // commit: the submission is on the dossier page); nobody else did.
    const mailed = acknowledged.filter((outcome) => !outcome.alreadySubmitted);
    for (const outcome of mailed)
      expect(mailsPer.get(outcome.student.viewer.email), outcome.student.viewer.email).toBe(1);
    expect(mails.length).toBe(mailed.length);
    // Nobody gave up (the database was back well within their patience); a retry after a lost
    // answer is acknowledged as done (submitApplication is idempotent), not refused.
    expect(failedForGood.map((outcome) => `${outcome.student.viewer.email}: ${outcome.errors.join(" | ")}`)).toEqual(
      [],
    );
    // The pool did not grow past its size with connections that were never given back.
    expect(connections).toBeLessThanOrEqual(env().DATABASE_POOL_MAX);
  });

  it("a submission repeated after it was committed (a retry whose first answer was lost) is answered as done, not recorded twice", async () => {
    const [once, twice] = (await prepareStudents(2)) as [Student, Student];
    // Sequential: the first commit happened, the student (or the retry) submits again.
    expect(await submitApplication(once.viewer, "first")).toMatchObject({ alreadySubmitted: false });
    expect(await submitApplication(once.viewer, "retry")).toMatchObject({ alreadySubmitted: true });
    // Concurrent: a double click; the row lock makes the second wait and then find it submitted.
    const results = await Promise.all([
      submitApplication(twice.viewer, "click-1"),
      submitApplication(twice.viewer, "click-2"),
    ]);
    expect(results.map((result) => result.alreadySubmitted).sort()).toEqual([false, true]);
    for (const { applicationId } of [once, twice]) {
      expect(await db.auditEvent.count({ where: { action: "application.submit", entityId: applicationId } })).toBe(1);
      expect(await db.housingRequest.count({ where: { applicationId } })).toBe(1);
      expect(
        await db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } }),
      ).toEqual({ status: "SUBMITTED" });
    }
  });
});
