/**
 * R-HOU-3: releasing a round of housing decisions and e-mailing each decision exactly once,
 * against the real PostgreSQL and the project's SMTP sink. Crashes and SMTP failures are
 * injected through the sending dependency, never by mocking the database; the job queue's
 * runs with real workers, one of them a process killed mid-sending.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { HousingStatus, Locale } from "@/lib/generated/prisma/client";
import { releaseRoundAction, sendRoundMailsAction } from "@/lib/housing/release/actions";
import {
  type DecisionMail,
  notifyHousingDecision,
  type ReleaseMailDeps,
  realMailDeps,
} from "@/lib/housing/release/mail-claims";
import { roundMailsJobName } from "@/lib/housing/release/mail-job";
import { listRounds, listUncertainMails, roundReleaseProgress } from "@/lib/housing/release/queries";
import { claimStaleAfterMs } from "@/lib/housing/release/rules";
import { markDecisionMailSent, releaseRound, resendDecisionMail, sendRoundMails } from "@/lib/housing/release/service";
import { releaseDateFromDay } from "@/lib/housing/rounds/rules";
import { queueRoundMails, roundMailsJob } from "@/lib/jobs/definitions";
import { type RunningWorker, sendJob, startJobWorker, stopJobSenders } from "@/lib/jobs/queue";
import { readOutbox } from "@/lib/mail/outbox";
import { addDays, parisDay, parisInstant } from "@/lib/paris-time";
import { isRedirect } from "../support/next-stand-ins";
import { roundMailsTestJob } from "../support/round-mails-job";
import { spawnWorker } from "../support/spawn-worker";
import { createComponent, createViewer } from "./fixtures";

// The release's actions, run as the viewer the test sets.
const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());
vi.mock("next/cache", async () => (await import("../support/next-stand-ins")).nextCache);
vi.mock("@/lib/i18n/navigation", async () => (await import("../support/next-stand-ins")).navigation);

const databaseUrl = process.env.DATABASE_URL ?? "";

let component: { id: string };
let otherComponent: { id: string };
let residence: { id: string; name: string };
let admin: Viewer;
let correspondent: Viewer;
let otherCorrespondent: Viewer;

// Rounds are unique per (academic year, semester): years far from the real ones, one per round.
let nextYear = 3000 + Math.floor(Math.random() * 50_000);
const hour = 3_600_000;

beforeAll(async () => {
  component = await createComponent();
  otherComponent = await createComponent();
  residence = await db.residence.create({
    data: {
      name: `Résidence Test ${Math.random().toString(36).slice(2, 8)}`,
      city: "MARSEILLE",
      address: "1 rue de la Test, Marseille",
    },
  });
  admin = await createViewer("ADMIN");
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
  otherCorrespondent = await createViewer("CORRESPONDENT", [otherComponent.id]);
});

async function createRound(options: { releaseAt?: Date; released?: boolean; semester?: "S1" | "S2" } = {}) {
  const round = await db.housingRound.create({
    data: {
      academicYear: nextYear++,
      semester: options.semester ?? "S1",
      releaseAt: options.releaseAt ?? new Date(Date.now() - hour),
    },
  });
  if (options.released) await releaseRound(admin, round.id, "test-release");
  return round;
}

/** A student whose submitted application carries a housing request with the given status. */
async function createRequest(roundId: string, status: HousingStatus, options: { locale?: Locale } = {}) {
  const student = await createViewer("STUDENT");
  if (options.locale) await db.user.update({ where: { id: student.id }, data: { locale: options.locale } });
  const application = await db.application.create({
    data: {
      studentId: student.id,
      status: "ACCEPTED",
      componentId: component.id,
      period: "S1",
      firstName: "Ada",
      lastName: `Lovelace ${student.id.slice(0, 6)}`,
      submittedAt: new Date(),
    },
  });
  const request = await db.housingRequest.create({
    data: {
      applicationId: application.id,
      roundId,
      cityPreference: "MARSEILLE",
      requestedAt: new Date(),
      status,
      residenceId: status === "ACCEPTED" ? residence.id : null,
      decidedAt: status === "PENDING" ? null : new Date(),
    },
  });
  return { student, request };
}

async function mailsTo(email: string) {
  return (await readOutbox(env().MAIL_SINK_DIR!, 100_000)).filter((message) => message.to.includes(email));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof DomainError ? error.code : `unexpected: ${String(error)}`),
  );
}

/** The real sending, except for the addresses given, which the "mail server" refuses. */
function refusing(emails: string[]): ReleaseMailDeps {
  return {
    async send(mail: DecisionMail) {
      if (emails.includes(mail.to)) throw new Error("451 4.3.0 Temporary SMTP failure");
      await realMailDeps.send(mail);
    },
  };
}

describe("releasing a round (R-HOU-3)", () => {
  it("refuses before the release date, and changes nothing", async () => {
    const releaseAt = new Date(Date.now() + 24 * hour);
    const round = await createRound({ releaseAt });
    const refusal = await releaseRound(admin, round.id, "r").catch((error: DomainError) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: "housingRoundNotYet",
      params: { date: parisInstant(parisDay(releaseAt), "00:00").getTime() },
    });
    expect(await db.housingRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
      releasedAt: null,
      releasedById: null,
    });
    expect(await db.auditEvent.count({ where: { entityId: round.id } })).toBe(0);
  });

  it("releases from 00:00 in Paris on the release day, though the date is stored at noon UTC", async () => {
    const today = parisDay(new Date());
    const releaseAt = releaseDateFromDay(today)!;
    const round = await createRound({ releaseAt });
    const midnight = parisInstant(today, "00:00");
    expect(await codeOf(releaseRound(admin, round.id, "r", new Date(midnight.getTime() - 1)))).toBe(
      "housingRoundNotYet",
    );
    const early = new Date(midnight.getTime() + 60_000);
    await expect(releaseRound(admin, round.id, "req-early", early)).resolves.toEqual({
      id: round.id,
      releasedAt: early,
    });
  });

  it("names 00:00 in Paris on the release day when it refuses", async () => {
    const releaseAt = releaseDateFromDay(addDays(parisDay(new Date()), 2))!;
    const round = await createRound({ releaseAt });
    await expect(releaseRound(admin, round.id, "r")).rejects.toMatchObject({
      code: "housingRoundNotYet",
      params: { date: parisInstant(parisDay(releaseAt), "00:00").getTime() },
    });
  });

  it("releases once from its date, audited; a second release is refused", async () => {
    const round = await createRound();
    const { releasedAt } = await releaseRound(admin, round.id, "req-release");
    expect(await db.housingRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
      releasedAt,
      releasedById: admin.id,
    });
    const events = await db.auditEvent.findMany({ where: { entityType: "HousingRound", entityId: round.id } });
    expect(events).toMatchObject([{ action: "housing.round.release", actorId: admin.id, requestId: "req-release" }]);
    expect(await codeOf(releaseRound(admin, round.id, "r"))).toBe("housingRoundAlreadyReleased");
    expect(await db.auditEvent.count({ where: { entityId: round.id } })).toBe(1);
  });

  it("lets exactly one of two administrators releasing at once win", async () => {
    const round = await createRound();
    const otherAdmin = await createViewer("ADMIN");
    const codes = await Promise.all([
      codeOf(releaseRound(admin, round.id, "a")),
      codeOf(releaseRound(otherAdmin, round.id, "b")),
    ]);
    expect(codes.sort()).toEqual(["housingRoundAlreadyReleased", "ok"]);
    expect(await db.auditEvent.count({ where: { entityId: round.id } })).toBe(1);
  });

  it("is refused to a student and to a correspondent (issue 21), and answers 'not found' for an unknown round", async () => {
    const round = await createRound();
    const student = await createViewer("STUDENT");
    expect(await codeOf(releaseRound(student, round.id, "r"))).toBe("forbidden");
    expect(await codeOf(releaseRound(correspondent, round.id, "r"))).toBe("forbidden");
    expect(await codeOf(listUncertainMails(correspondent, round.id))).toBe("forbidden");
    expect(await codeOf(releaseRound(admin, "00000000-0000-4000-8000-000000000000", "r"))).toBe("notFound");
    expect((await db.housingRound.findUniqueOrThrow({ where: { id: round.id } })).releasedAt).toBeNull();
  });
});

describe("the board's list of rounds", () => {
  it("counts the requests of the viewer's faculties only (issue 21): no figures across faculties", async () => {
    const round = await createRound();
    await createRequest(round.id, "ACCEPTED");
    const countsFor = async (viewer: Viewer) => (await listRounds(viewer)).find((row) => row.id === round.id)?.counts;
    expect(await countsFor(correspondent)).toEqual({ ACCEPTED: 1 });
    expect(await countsFor(otherCorrespondent)).toEqual({});
    expect(await countsFor(admin)).toEqual({ ACCEPTED: 1 });
  });
});

describe("e-mailing a released round's decisions", () => {
  it("sends exactly one e-mail per decided request, in the student's language, and none for the others", async () => {
    const round = await createRound();
    const accepted = await createRequest(round.id, "ACCEPTED");
    const waitlisted = await createRequest(round.id, "WAITLISTED", { locale: "fr" });
    const refused = await createRequest(round.id, "REFUSED");
    const pending = await createRequest(round.id, "PENDING");
    const withdrawn = await createRequest(round.id, "WITHDRAWN");
    await releaseRound(admin, round.id, "r");

    const progress: number[] = [];
    const counts = await sendRoundMails(round.id, { onProgress: (step) => progress.push(step.done) });
    expect(counts).toEqual({
      total: 3,
      sent: 3,
      alreadySent: 0,
      failed: 0,
      uncertain: 0,
      inProgress: 0,
      skipped: 0,
      aborted: false,
    });
    expect(progress).toEqual([0, 1, 2, 3]);

    const [acceptedMails, waitlistedMails, refusedMails] = await Promise.all([
      mailsTo(accepted.student.email),
      mailsTo(waitlisted.student.email),
      mailsTo(refused.student.email),
    ]);
    expect(acceptedMails).toHaveLength(1);
    expect(waitlistedMails).toHaveLength(1);
    expect(refusedMails).toHaveLength(1);
    // R-HOU-4: the residence, the INTERLOG steps, the deposit; R-HOU-2: the only contact.
    expect(acceptedMails[0]!.subject).toBe("Housing: a room in a university residence is offered to you");
    expect(acceptedMails[0]!.text).toContain(residence.name);
    expect(acceptedMails[0]!.text).toMatch(/INTERLOG[\s\S]*deposit[\s\S]*effective only once the deposit is paid/);
    expect(acceptedMails[0]!.text).toContain("the first semester (autumn)");
    expect(acceptedMails[0]!.text).toContain("Do not contact the CROUS directly");
    // In French for a student whose account is in French.
    expect(waitlistedMails[0]!.subject).toBe("Logement : votre demande de chambre est sur liste d'attente");
    expect(waitlistedMails[0]!.text).toContain("Ne contactez pas directement le CROUS");
    // R-HOU-6: the city-housing resources.
    expect(refusedMails[0]!.text).toContain("International Student Guide");
    expect(refusedMails[0]!.text).toContain("Studapart");
    expect(await mailsTo(pending.student.email)).toEqual([]);
    expect(await mailsTo(withdrawn.student.email)).toEqual([]);

    for (const { request } of [accepted, waitlisted, refused]) {
      const row = await db.housingRequest.findUniqueOrThrow({ where: { id: request.id } });
      expect(row).toMatchObject({ notifiedStatus: request.status, mailClaimedAt: null });
      expect(row.notifiedAt).toBeInstanceOf(Date);
      expect(await db.auditEvent.count({ where: { entityId: request.id, action: "housing.decisionMail.send" } })).toBe(
        1,
      );
    }
    expect(await roundReleaseProgress(admin, round.id)).toMatchObject({
      released: true,
      decided: 3,
      notified: 3,
      sending: 0,
      uncertain: 0,
      failed: 0,
      remaining: 0,
    });
  });

  it("sends each e-mail once when run twice, and when two runs go at once", async () => {
    const round = await createRound({ released: true });
    const requests = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        createRequest(round.id, (["ACCEPTED", "WAITLISTED", "REFUSED"] as const)[index % 3]!),
      ),
    );

    const [first, second] = await Promise.all([sendRoundMails(round.id), sendRoundMails(round.id, { concurrency: 3 })]);
    expect(first.sent + second.sent).toBe(12);
    expect(first.failed + second.failed + first.uncertain + second.uncertain).toBe(0);
    const again = await sendRoundMails(round.id);
    expect(again).toMatchObject({ total: 12, sent: 0, alreadySent: 12 });

    const received = await Promise.all(requests.map(({ student }) => mailsTo(student.email)));
    expect(received.map((mails) => mails.length)).toEqual(requests.map(() => 1));
  });

  it("never resends an e-mail whose claim a crash left behind: it is reported uncertain, the others are sent", async () => {
    const round = await createRound({ released: true });
    const crashed = await createRequest(round.id, "ACCEPTED");
    const inFlight = await createRequest(round.id, "REFUSED");
    const others = await Promise.all([createRequest(round.id, "REFUSED"), createRequest(round.id, "WAITLISTED")]);
    // The process died between the claim and the record (long ago), and another one is sending right now.
    await db.housingRequest.update({
      where: { id: crashed.request.id },
      data: { mailClaimedAt: new Date(Date.now() - hour) },
    });
    await db.housingRequest.update({ where: { id: inFlight.request.id }, data: { mailClaimedAt: new Date() } });

    const counts = await sendRoundMails(round.id);
    expect(counts).toMatchObject({ total: 4, sent: 2, uncertain: 1, inProgress: 1, failed: 0 });
    expect(await mailsTo(crashed.student.email)).toEqual([]);
    expect(await mailsTo(inFlight.student.email)).toEqual([]);
    for (const { student } of others) expect(await mailsTo(student.email)).toHaveLength(1);
    expect(await roundReleaseProgress(admin, round.id)).toMatchObject({
      decided: 4,
      notified: 2,
      sending: 1,
      uncertain: 1,
      remaining: 0,
    });

    // A second run does not resend them either.
    expect(await sendRoundMails(round.id)).toMatchObject({ sent: 0, alreadySent: 2, uncertain: 1, inProgress: 1 });
    expect(await mailsTo(crashed.student.email)).toEqual([]);

    // An administrator sees the uncertain one, not the one in flight; correspondents release nothing.
    expect((await listUncertainMails(admin, round.id)).map((row) => row.id)).toEqual([crashed.request.id]);
    expect(
      await codeOf(
        markDecisionMailSent(otherCorrespondent, { roundId: round.id, housingRequestId: crashed.request.id }, "r"),
      ),
    ).toBe("forbidden");
    // A claim that may be a send in flight cannot be acted on.
    expect(
      await codeOf(resendDecisionMail(admin, { roundId: round.id, housingRequestId: inFlight.request.id }, "r")),
    ).toBe("housingMailNotUncertain");
    expect(await mailsTo(inFlight.student.email)).toEqual([]);
  });

  it("lets an administrator mark an uncertain e-mail as sent (nothing sent) or send it again (sent once)", async () => {
    const round = await createRound({ released: true });
    const checked = await createRequest(round.id, "ACCEPTED");
    const lost = await createRequest(round.id, "REFUSED");
    const longAgo = new Date(Date.now() - claimStaleAfterMs - 1000);
    await db.housingRequest.updateMany({
      where: { id: { in: [checked.request.id, lost.request.id] } },
      data: { mailClaimedAt: longAgo },
    });

    await markDecisionMailSent(admin, { roundId: round.id, housingRequestId: checked.request.id }, "req-mark");
    expect(await db.housingRequest.findUniqueOrThrow({ where: { id: checked.request.id } })).toMatchObject({
      notifiedStatus: "ACCEPTED",
      mailClaimedAt: null,
    });
    expect(await mailsTo(checked.student.email)).toEqual([]);
    expect(
      await db.auditEvent.findFirst({
        where: { entityId: checked.request.id, action: "housing.decisionMail.markSent" },
      }),
    ).toMatchObject({ actorId: admin.id, requestId: "req-mark" });

    expect(
      await resendDecisionMail(admin, { roundId: round.id, housingRequestId: lost.request.id }, "req-resend"),
    ).toEqual({
      outcome: "sent",
      status: "REFUSED",
    });
    expect(await mailsTo(lost.student.email)).toHaveLength(1);
    // Resolved: neither can be acted on again, and a new run sends nothing.
    expect(await codeOf(resendDecisionMail(admin, { roundId: round.id, housingRequestId: lost.request.id }, "r"))).toBe(
      "housingMailNotUncertain",
    );
    expect(
      await codeOf(markDecisionMailSent(admin, { roundId: round.id, housingRequestId: checked.request.id }, "r")),
    ).toBe("housingMailNotUncertain");
    expect(await sendRoundMails(round.id)).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(await mailsTo(lost.student.email)).toHaveLength(1);
    expect(await listUncertainMails(admin, round.id)).toEqual([]);
  });

  it("keeps a claim made by a send that never returned (a hung process): the next run does not resend it", async () => {
    const round = await createRound({ released: true });
    const hung = await createRequest(round.id, "WAITLISTED");
    const hanging: ReleaseMailDeps = { send: () => new Promise<void>(() => {}) };
    // The "crashed" run: its e-mail never returns, as when the process dies mid-send.
    void notifyHousingDecision(hung.request.id, hanging);
    await expect
      .poll(async () => (await db.housingRequest.findUniqueOrThrow({ where: { id: hung.request.id } })).mailClaimedAt)
      .not.toBeNull();

    expect(await sendRoundMails(round.id)).toMatchObject({ sent: 0, inProgress: 1 });
    // Much later, still not resent: it is now uncertain.
    await db.housingRequest.update({
      where: { id: hung.request.id },
      data: { mailClaimedAt: new Date(Date.now() - hour) },
    });
    expect(await sendRoundMails(round.id)).toMatchObject({ sent: 0, uncertain: 1 });
    expect(await mailsTo(hung.student.email)).toEqual([]);
  });

  it("leaves an e-mail the mail server refused unclaimed, and sends it on the next run", async () => {
    const round = await createRound({ released: true });
    const unlucky = await createRequest(round.id, "ACCEPTED");
    const lucky = await createRequest(round.id, "REFUSED");

    const counts = await sendRoundMails(round.id, { deps: refusing([unlucky.student.email]) });
    expect(counts).toMatchObject({ total: 2, sent: 1, failed: 1, uncertain: 0 });
    expect(await db.housingRequest.findUniqueOrThrow({ where: { id: unlucky.request.id } })).toMatchObject({
      mailClaimedAt: null,
      notifiedStatus: null,
      notifiedAt: null,
    });
    expect(await mailsTo(unlucky.student.email)).toEqual([]);
    expect(await roundReleaseProgress(admin, round.id)).toMatchObject({
      decided: 2,
      notified: 1,
      failed: 1,
      remaining: 1,
    });

    expect(await sendRoundMails(round.id)).toMatchObject({ sent: 1, alreadySent: 1, failed: 0 });
    expect(await mailsTo(unlucky.student.email)).toHaveLength(1);
    expect(await mailsTo(lucky.student.email)).toHaveLength(1);
    expect(await roundReleaseProgress(admin, round.id)).toMatchObject({ notified: 2, failed: 0, remaining: 0 });
  });

  it("e-mails a decision changed after its e-mail once more (waitlisted, then accepted)", async () => {
    const round = await createRound({ released: true });
    const { student, request } = await createRequest(round.id, "WAITLISTED");
    expect(await sendRoundMails(round.id)).toMatchObject({ sent: 1 });
    // A room was freed: staff accept the waitlisted request (as the board does after the release).
    await db.housingRequest.update({
      where: { id: request.id },
      data: { status: "ACCEPTED", residenceId: residence.id, decidedAt: new Date() },
    });
    expect(await roundReleaseProgress(admin, round.id)).toMatchObject({ decided: 1, notified: 0, remaining: 1 });

    expect(await notifyHousingDecision(request.id)).toEqual({ outcome: "sent", status: "ACCEPTED" });
    expect(await notifyHousingDecision(request.id)).toEqual({ outcome: "alreadySent" });
    expect(await sendRoundMails(round.id)).toMatchObject({ sent: 0, alreadySent: 1 });
    const subjects = (await mailsTo(student.email)).map((mail) => mail.subject).sort();
    expect(subjects).toEqual([
      "Housing: a room in a university residence is offered to you",
      "Housing: your request for a room is on the waiting list",
    ]);
  });

  it("stops between two e-mails when asked, and the next run sends the rest", async () => {
    const round = await createRound({ released: true });
    const requests = await Promise.all(Array.from({ length: 5 }, () => createRequest(round.id, "REFUSED")));
    const controller = new AbortController();
    const stopped = await sendRoundMails(round.id, {
      concurrency: 1,
      signal: controller.signal,
      onProgress: (step) => step.done === 2 && controller.abort(),
    });
    expect(stopped).toMatchObject({ total: 5, sent: 2, aborted: true });
    expect(await roundReleaseProgress(admin, round.id)).toMatchObject({
      notified: 2,
      sending: 0,
      uncertain: 0,
      remaining: 3,
    });

    expect(await sendRoundMails(round.id)).toMatchObject({ sent: 3, alreadySent: 2, aborted: false });
    const received = await Promise.all(requests.map(({ student }) => mailsTo(student.email)));
    expect(received.map((mails) => mails.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it("never e-mails the decisions of a round that is not released", async () => {
    const round = await createRound({ releaseAt: new Date(Date.now() - hour) });
    const { student, request } = await createRequest(round.id, "ACCEPTED");
    expect(await codeOf(sendRoundMails(round.id))).toBe("housingRoundNotReleased");
    expect(await notifyHousingDecision(request.id)).toEqual({ outcome: "notReleased" });
    expect(await mailsTo(student.email)).toEqual([]);
    expect(await db.housingRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      mailClaimedAt: null,
      notifiedStatus: null,
    });
    expect(await roundReleaseProgress(admin, round.id)).toMatchObject({ released: false, decided: 1, notified: 0 });
  });
});

describe("the e-mails on the job queue (issue 20)", () => {
  const settings = () => ({ connectionString: databaseUrl, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 1 });
  const jobsOf = async (queue: string, roundId: string) =>
    (
      await db.$queryRaw<{ state: string; retry_count: number; data: Record<string, unknown> }[]>`
        SELECT state::text, retry_count, data FROM pgboss.job WHERE name = ${queue} AND singleton_key = ${roundId}
        ORDER BY created_on`
    ).map((job) => ({ ...job, retry_count: Number(job.retry_count) }));
  let worker: RunningWorker | undefined;
  let crashed: ChildProcess | undefined;

  afterAll(async () => {
    crashed?.kill("SIGKILL");
    await worker?.stop(5_000);
    await stopJobSenders();
  });

  it("the release queues one job for the round; a worker sends each e-mail once, and a second run sends none", {
    timeout: 60_000,
  }, async () => {
    const round = await createRound();
    const requests = await Promise.all([
      createRequest(round.id, "ACCEPTED"),
      createRequest(round.id, "REFUSED"),
      createRequest(round.id, "WAITLISTED"),
    ]);
    principal.viewer = admin;
    expect(isRedirect(await releaseRoundAction({ roundId: round.id, confirm: "on" }).catch((error) => error))).toBe(
      true,
    );
    // "Send the remaining e-mails" while the job waits adds none (one waiting job per round).
    expect(isRedirect(await sendRoundMailsAction({ roundId: round.id }).catch((error) => error))).toBe(true);
    const queued = await jobsOf(roundMailsJobName, round.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ state: "created", data: { roundId: round.id, actorId: admin.id } });
    // Nothing is sent by the node that released: the worker sends.
    expect(await roundReleaseProgress(admin, round.id)).toMatchObject({ running: true, notified: 0 });

    worker = await startJobWorker(settings(), [roundMailsJob() as never]);
    await expect
      .poll(async () => (await jobsOf(roundMailsJobName, round.id)).map((job) => job.state), { timeout: 30_000 })
      .toEqual(["completed"]);
    expect(await roundReleaseProgress(admin, round.id)).toMatchObject({ running: false, notified: 3, remaining: 0 });

    // Run again (a second click once it finished): the job runs and sends nothing more.
    expect(await queueRoundMails({ roundId: round.id, actorId: admin.id })).not.toBeNull();
    await expect
      .poll(async () => (await jobsOf(roundMailsJobName, round.id)).map((job) => job.state), { timeout: 30_000 })
      .toEqual(["completed", "completed"]);
    for (const { student } of requests) expect(await mailsTo(student.email)).toHaveLength(1);
  });

  it("a worker killed in the middle of the sending: the job is retried elsewhere and no e-mail is sent twice", {
    timeout: 90_000,
  }, async () => {
    const queue = `test-round-mails-${process.pid}`;
    const round = await createRound({ released: true });
    const requests = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        createRequest(round.id, (["ACCEPTED", "WAITLISTED", "REFUSED"] as const)[index % 3]!),
      ),
    );
    crashed = await spawnWorker("round-mails-worker.ts", [queue]);
    expect(
      await sendJob(settings(), roundMailsTestJob(queue), { roundId: round.id }, { singletonKey: round.id }),
    ).not.toBeNull();

    // The node dies part-way through (no cleanup): its job stays active until it expires.
    await expect
      .poll(async () => (await roundReleaseProgress(admin, round.id)).notified, { timeout: 30_000, interval: 20 })
      .toBeGreaterThan(0);
    const died = new Promise((resolve) => crashed!.once("exit", resolve));
    crashed.kill("SIGKILL");
    await died;
    const atCrash = await roundReleaseProgress(admin, round.id);

    const other = await startJobWorker(settings(), [roundMailsTestJob(queue) as never]);
    try {
      await expect
        .poll(async () => (await jobsOf(queue, round.id)).map((job) => job.state), { timeout: 60_000, interval: 500 })
        .toEqual(["completed"]);
    } finally {
      await other.stop(5_000);
    }
    const [job] = await jobsOf(queue, round.id);
    // Retried after the crash, unless the crash fell after the last e-mail.
    if (atCrash.notified + atCrash.sending + atCrash.uncertain < requests.length) expect(job!.retry_count).toBe(1);

    // Each decision e-mailed at most once; one not e-mailed only if the dead node had claimed it
    // (it may have left: "uncertain", for staff to check, never resent blindly).
    const progress = await roundReleaseProgress(admin, round.id);
    expect(progress.notified + progress.sending + progress.uncertain).toBe(requests.length);
    expect(progress.sending + progress.uncertain).toBeLessThanOrEqual(4);
    for (const { student, request } of requests) {
      const mails = await mailsTo(student.email);
      const row = await db.housingRequest.findUniqueOrThrow({ where: { id: request.id } });
      if (row.mailClaimedAt) expect(mails.length).toBeLessThanOrEqual(1);
      else expect(mails).toHaveLength(1);
    }
  });
});
