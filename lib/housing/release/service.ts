import "server-only";
// Mails go through sendTemplateMail, not notify: the sending also runs from the operator's
// command (scripts/housing-release-mails.ts), outside any request, and a failure must reject.
import { formatAcademicYear } from "@/lib/academic-year";
import { recordAudit } from "@/lib/audit";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { forEachConcurrently } from "@/lib/concurrency";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { HousingStatus } from "@/lib/generated/prisma/client";
import type { AppLocale } from "@/lib/i18n/routing";
import { logError, logInfo, logWarn } from "@/lib/log";
import type { MailTemplate } from "@/lib/mail/render";
import { sendTemplateMail } from "@/lib/mail/template";

/**
 * Releasing a round of housing decisions and e-mailing each decision once (R-HOU-3).
 *
 * The e-mail of one decision goes through three steps, each its own short transaction:
 *   1. claim: `mailClaimedAt` is set, guarded (decided, round released, not claimed, this
 *      status not yet notified), so that of two workers only one sends;
 *   2. send, outside any transaction;
 *   3. record: `notifiedStatus` = the status claimed, `notifiedAt`, claim cleared. A refused
 *      send clears the claim instead, so that the next run retries.
 * A claim that stays (the process died between 1 and 3) is never resent automatically: the
 * mail may have left. It is reported "uncertain" and staff decide (mark as sent, send again).
 * That is what makes "never twice" hold across crashes, re-runs and parallel runs.
 */

type StaffViewer = Pick<Viewer, "id" | "role" | "componentIds">;

export const decidedStatuses = ["ACCEPTED", "WAITLISTED", "REFUSED"] as const satisfies readonly HousingStatus[];
export type DecidedStatus = (typeof decidedStatuses)[number];

function isDecided(status: HousingStatus): status is DecidedStatus {
  return (decidedStatuses as readonly HousingStatus[]).includes(status);
}

type HousingMailTemplate = Extract<MailTemplate, `housing${string}`>;
const templateOf: Record<DecidedStatus, HousingMailTemplate> = {
  ACCEPTED: "housingAccepted",
  WAITLISTED: "housingWaitlisted",
  REFUSED: "housingRefused",
};

/**
 * A claim younger than this may belong to a send still in flight (SMTP timeouts run to
 * minutes): it is "in progress", and staff cannot act on it. Older, it is "uncertain".
 */
export const claimStaleAfterMs = 15 * 60_000;

const pageSize = 100;

function assertStaff(viewer: StaffViewer) {
  if (viewer.role !== "CORRESPONDENT" && viewer.role !== "ADMIN") throw new DomainError("forbidden");
}

// ---------------------------------------------------------------------------------------------
// Release

/**
 * R-HOU-3: makes the round's decisions visible to the students, once, from its release date.
 * Any staff member (correspondent or admin) may release: a round holds every component's
 * requests of one arrival semester and is released once for all, so it is not scoped to the
 * viewer's components (portal choice). The guard on `releasedAt: null` makes two staff
 * releasing at once produce exactly one release.
 */
export async function releaseRound(
  viewer: StaffViewer,
  roundId: string,
  requestId: string,
): Promise<{ id: string; releasedAt: Date }> {
  assertStaff(viewer);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.housingRound.updateMany({
      where: { id: roundId, releasedAt: null, releaseAt: { lte: now } },
      data: { releasedAt: now, releasedById: viewer.id },
    });
    if (count === 0) {
      const round = await tx.housingRound.findUnique({
        where: { id: roundId },
        select: { releaseAt: true, releasedAt: true },
      });
      if (!round) throw new NotFoundError();
      if (round.releasedAt) throw new DomainError("housingRoundAlreadyReleased", { date: round.releasedAt.getTime() });
      throw new DomainError("housingRoundNotYet", { date: round.releaseAt.getTime() });
    }
    const decided = await tx.housingRequest.count({ where: { roundId, status: { in: [...decidedStatuses] } } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "housing.round.release",
      entityType: "HousingRound",
      entityId: roundId,
      before: { releasedAt: null },
      after: { releasedAt: now.toISOString(), decided },
      requestId,
    });
    return { id: roundId, releasedAt: now };
  });
}

// ---------------------------------------------------------------------------------------------
// One decision's e-mail

export interface DecisionMail {
  /** The housing request the e-mail reports on. */
  housingRequestId: string;
  to: string;
  locale: AppLocale;
  template: HousingMailTemplate;
  values: Record<string, string | number>;
}

export interface ReleaseMailDeps {
  /** Sends one decision e-mail; rejects when the mail server refuses it. */
  send(mail: DecisionMail): Promise<void>;
}

/** The real sending: the template in the student's language (User.locale), rejecting on failure. */
export async function sendDecisionMail(mail: DecisionMail): Promise<void> {
  await sendTemplateMail(mail);
}

export const realMailDeps: ReleaseMailDeps = { send: sendDecisionMail };

export type NotifyOutcome =
  | { outcome: "sent"; status: DecidedStatus }
  /** This decision's e-mail went out before. */
  | { outcome: "alreadySent" }
  /** The mail server refused: the claim is cleared, the next run retries. */
  | { outcome: "failed"; error: string }
  /** Claimed long ago and never recorded (a crash): not resent; staff decide. */
  | { outcome: "uncertain"; claimedAt: Date }
  /** Claimed recently by another worker, which may be sending it right now. */
  | { outcome: "inProgress"; claimedAt: Date }
  /** Nothing to mail: no decision (pending), or the request was declined or withdrawn. */
  | { outcome: "notDecided" }
  /** Its round is not released: the decision is not visible yet (R-HOU-3). */
  | { outcome: "notReleased" }
  | { outcome: "notFound" }
  /** The decision kept changing while it was being claimed: the next run sends it. */
  | { outcome: "changed" };

const mailSelect = {
  id: true,
  status: true,
  notifiedStatus: true,
  mailClaimedAt: true,
  round: { select: { releasedAt: true, academicYear: true, semester: true } },
  residence: { select: { name: true, city: true, address: true } },
  application: { select: { student: { select: { email: true, name: true, locale: true } } } },
} as const;

// Proper names, the same in French and English.
const cityName = { AIX: "Aix-en-Provence", MARSEILLE: "Marseille" } as const;

function claimState(claimedAt: Date, now: Date): NotifyOutcome {
  return now.getTime() - claimedAt.getTime() >= claimStaleAfterMs
    ? { outcome: "uncertain", claimedAt }
    : { outcome: "inProgress", claimedAt };
}

export interface MailContext {
  /** Who started the sending (null: the operator's command). */
  actorId?: string | null;
  /** The action's request id, for the audit trail. */
  auditRequestId?: string;
}

/**
 * The idempotent unit: e-mails one request's current decision if, and only if, it has not
 * been e-mailed yet and nobody holds a claim on it. A decision changed after its e-mail
 * (WAITLISTED → ACCEPTED) is a new decision, e-mailed once too.
 */
export async function notifyHousingDecision(
  requestId: string,
  deps: ReleaseMailDeps = realMailDeps,
  context: MailContext = {},
): Promise<NotifyOutcome> {
  const actorId = context.actorId ?? null;
  // A status changed between the read and the guarded claim: read again (rare; bounded).
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const step = await db.$transaction(async (tx) => {
      const row = await tx.housingRequest.findUnique({ where: { id: requestId }, select: mailSelect });
      if (!row) return { outcome: "notFound" } as const;
      if (!row.round.releasedAt) return { outcome: "notReleased" } as const;
      if (!isDecided(row.status)) return { outcome: "notDecided" } as const;
      if (row.mailClaimedAt) return claimState(row.mailClaimedAt, new Date());
      if (row.notifiedStatus === row.status) return { outcome: "alreadySent" } as const;
      const claimedAt = new Date();
      const { count } = await tx.housingRequest.updateMany({
        where: {
          id: requestId,
          status: row.status,
          round: { releasedAt: { not: null } },
          mailClaimedAt: null,
          OR: [{ notifiedStatus: null }, { notifiedStatus: { not: row.status } }],
        },
        data: { mailClaimedAt: claimedAt },
      });
      if (count === 0) return { outcome: "retry" } as const;
      return { outcome: "claimed", row, status: row.status, claimedAt } as const;
    });
    if (step.outcome === "retry") continue;
    if (step.outcome !== "claimed") return step;

    const { row, status, claimedAt } = step;
    const mail: DecisionMail = {
      housingRequestId: row.id,
      to: row.application.student.email,
      locale: row.application.student.locale,
      template: templateOf[status],
      values: {
        name: row.application.student.name,
        year: formatAcademicYear(row.round.academicYear),
        semester: row.round.semester,
        residence: row.residence
          ? `${row.residence.name}, ${row.residence.address ?? cityName[row.residence.city]}`
          : "—",
      },
    };
    try {
      await deps.send(mail);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.$transaction(async (tx) => {
        await tx.housingRequest.updateMany({
          where: { id: row.id, mailClaimedAt: claimedAt },
          data: { mailClaimedAt: null },
        });
        await recordAudit(tx, {
          actorId,
          action: "housing.decisionMail.fail",
          entityType: "HousingRequest",
          entityId: row.id,
          after: { status, error: message.slice(0, 500) },
          requestId: context.auditRequestId,
        });
      });
      return { outcome: "failed", error: message };
    }
    // If this write fails (database gone after the mail left), the claim stays: "uncertain",
    // never resent blindly.
    await db.$transaction(async (tx) => {
      await tx.housingRequest.updateMany({
        where: { id: row.id, mailClaimedAt: claimedAt },
        data: { notifiedStatus: status, notifiedAt: new Date(), mailClaimedAt: null },
      });
      await recordAudit(tx, {
        actorId,
        action: "housing.decisionMail.send",
        entityType: "HousingRequest",
        entityId: row.id,
        before: { notifiedStatus: row.notifiedStatus },
        after: { notifiedStatus: status, template: mail.template },
        requestId: context.auditRequestId,
      });
    });
    return { outcome: "sent", status };
  }
  return { outcome: "changed" };
}

// ---------------------------------------------------------------------------------------------
// A round's e-mails

export interface RoundMailCounts {
  /** Decided requests of the round when the run started. */
  total: number;
  sent: number;
  alreadySent: number;
  failed: number;
  /** Claims left by a crash, not resent (staff decide). */
  uncertain: number;
  /** Claimed by another run that may be sending them now. */
  inProgress: number;
  /** No longer decided when their turn came (declined, withdrawn), or changing while claimed. */
  skipped: number;
}

export interface RoundMailProgress extends RoundMailCounts {
  done: number;
}

export interface SendRoundMailsOptions extends MailContext {
  onProgress?: (progress: RoundMailProgress) => void;
  /** Stops between two e-mails, never in the middle of one. */
  signal?: AbortSignal;
  deps?: ReleaseMailDeps;
  /** E-mails sent at once (each to its own SMTP connection). */
  concurrency?: number;
}

/**
 * Sends every e-mail of a released round that has not been sent, page by page. Idempotent:
 * safe to re-run after a crash, and to run in parallel with itself (in this process or
 * another), since each e-mail is claimed before it is sent.
 */
export async function sendRoundMails(
  roundId: string,
  options: SendRoundMailsOptions = {},
): Promise<RoundMailCounts & { aborted: boolean }> {
  const { onProgress, signal, deps = realMailDeps, concurrency = 4 } = options;
  const round = await db.housingRound.findUnique({ where: { id: roundId }, select: { releasedAt: true } });
  if (!round) throw new NotFoundError();
  // R-HOU-3: nothing is mailed before the release (the claim checks it again).
  if (!round.releasedAt) throw new DomainError("housingRoundNotReleased");

  const decided = { roundId, status: { in: [...decidedStatuses] } };
  const counts: RoundMailCounts = {
    total: await db.housingRequest.count({ where: decided }),
    sent: 0,
    alreadySent: 0,
    failed: 0,
    uncertain: 0,
    inProgress: 0,
    skipped: 0,
  };
  let done = 0;
  const report = () => onProgress?.({ ...counts, done });
  report();

  let after: string | undefined;
  while (!signal?.aborted) {
    const page = await db.housingRequest.findMany({
      where: { ...decided, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: pageSize,
      select: { id: true, status: true, notifiedStatus: true, mailClaimedAt: true },
    });
    if (page.length === 0) break;
    after = page.at(-1)!.id;

    await forEachConcurrently(
      page,
      concurrency,
      async (request) => {
        if (request.notifiedStatus === request.status && !request.mailClaimedAt) {
          counts.alreadySent += 1;
        } else {
          const result = await notifyHousingDecision(request.id, deps, options);
          if (result.outcome === "failed") {
            logWarn("housing.decisionMail.fail", {
              roundId,
              housingRequestId: request.id,
              requestId: options.auditRequestId,
              error: result.error,
            });
          }
          tally(counts, result);
        }
        done += 1;
        report();
      },
      signal,
    );
    if (page.length < pageSize) break;
  }
  return { ...counts, aborted: signal?.aborted ?? false };
}

function tally(counts: RoundMailCounts, result: NotifyOutcome) {
  switch (result.outcome) {
    case "sent":
      counts.sent += 1;
      break;
    case "alreadySent":
      counts.alreadySent += 1;
      break;
    case "failed":
      counts.failed += 1;
      break;
    case "uncertain":
      counts.uncertain += 1;
      break;
    case "inProgress":
      counts.inProgress += 1;
      break;
    default:
      counts.skipped += 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Sending in the background (the release page)

interface RunningRound {
  startedAt: Date;
  progress: RoundMailProgress | null;
}

// One loop per round in this process, kept across hot reloads in development. A second click
// joins the running loop; another process's loop is harmless (claims), only slower.
const globalForRelease = globalThis as unknown as { housingRoundMails?: Map<string, RunningRound> };
globalForRelease.housingRoundMails ??= new Map<string, RunningRound>();
const running = globalForRelease.housingRoundMails;

/**
 * Starts sending a released round's e-mails without waiting for them: the page follows the
 * progress. Resolves once the loop is started (or found running); rejects if the round does
 * not exist or is not released.
 */
export async function startRoundMails(
  roundId: string,
  context: MailContext = {},
  deps: ReleaseMailDeps = realMailDeps,
): Promise<{ started: boolean }> {
  if (running.has(roundId)) return { started: false };
  const entry: RunningRound = { startedAt: new Date(), progress: null };
  running.set(roundId, entry);
  try {
    const round = await db.housingRound.findUnique({ where: { id: roundId }, select: { releasedAt: true } });
    if (!round) throw new NotFoundError();
    if (!round.releasedAt) throw new DomainError("housingRoundNotReleased");
  } catch (error) {
    running.delete(roundId);
    throw error;
  }
  void sendRoundMails(roundId, { ...context, deps, onProgress: (progress) => (entry.progress = progress) })
    .then((counts) => logInfo("housing.roundMails.done", { roundId, requestId: context.auditRequestId, ...counts }))
    .catch((error: unknown) =>
      logError("housing.roundMails.crash", { roundId, requestId: context.auditRequestId, error }),
    )
    .finally(() => running.delete(roundId));
  return { started: true };
}

/** The loop running in this process for the round, if any (its live counts). */
export function runningRoundMails(roundId: string): RunningRound | undefined {
  return running.get(roundId);
}

// ---------------------------------------------------------------------------------------------
// Reads for the release page (staff only)

export interface RoundReleaseProgress {
  roundId: string;
  released: boolean;
  /** Requests with a decision (accepted, waitlisted, refused). */
  decided: number;
  /** Whose current decision has been e-mailed. */
  notified: number;
  /** Claimed recently: being sent now. */
  sending: number;
  /** Claimed long ago, never recorded: a crash; staff check them. */
  uncertain: number;
  /** Not sent, and the last attempt since the decision was refused by the mail server. */
  failed: number;
  /** Still to send (failed ones included). */
  remaining: number;
  /** A sending loop runs in this process. */
  running: boolean;
}

/** The counts behind the progress bar: one aggregate query over the round's decided requests. */
export async function roundReleaseProgress(roundId: string): Promise<RoundReleaseProgress> {
  const round = await db.housingRound.findUnique({ where: { id: roundId }, select: { releasedAt: true } });
  if (!round) throw new NotFoundError();
  const staleBefore = new Date(Date.now() - claimStaleAfterMs);
  const [row] = await db.$queryRaw<
    { decided: bigint; notified: bigint; sending: bigint; uncertain: bigint; failed: bigint }[]
  >`
    SELECT
      count(*) AS decided,
      count(*) FILTER (WHERE r."mailClaimedAt" IS NULL AND r."notifiedStatus" = r.status) AS notified,
      count(*) FILTER (WHERE r."mailClaimedAt" > ${staleBefore}) AS sending,
      count(*) FILTER (WHERE r."mailClaimedAt" <= ${staleBefore}) AS uncertain,
      count(*) FILTER (
        WHERE r."mailClaimedAt" IS NULL AND r."notifiedStatus" IS DISTINCT FROM r.status
          AND EXISTS (
            SELECT 1 FROM "AuditEvent" a
            WHERE a."entityType" = 'HousingRequest' AND a."entityId" = r.id::text
              AND a.action = 'housing.decisionMail.fail'
              AND a."createdAt" >= COALESCE(r."decidedAt", r."createdAt")
          )
      ) AS failed
    FROM "HousingRequest" r
    WHERE r."roundId" = ${roundId}::uuid AND r.status::text IN ('ACCEPTED', 'WAITLISTED', 'REFUSED')`;
  const decided = Number(row?.decided ?? 0);
  const notified = Number(row?.notified ?? 0);
  const sending = Number(row?.sending ?? 0);
  const uncertain = Number(row?.uncertain ?? 0);
  return {
    roundId,
    released: round.releasedAt !== null,
    decided,
    notified,
    sending,
    uncertain,
    failed: Number(row?.failed ?? 0),
    remaining: decided - notified - sending - uncertain,
    running: running.has(roundId),
  };
}

/** Every round, newest first, with its requests counted by status (no personal data). */
export async function listRounds(viewer: StaffViewer) {
  assertStaff(viewer);
  const [rounds, counts] = await Promise.all([
    db.housingRound.findMany({
      orderBy: [{ academicYear: "desc" }, { semester: "asc" }],
      select: { id: true, academicYear: true, semester: true, releaseAt: true, releasedAt: true },
    }),
    db.housingRequest.groupBy({ by: ["roundId", "status"], _count: { _all: true } }),
  ]);
  return rounds.map((round) => ({
    ...round,
    counts: Object.fromEntries(
      counts.filter((count) => count.roundId === round.id).map((count) => [count.status, count._count._all]),
    ) as Partial<Record<HousingStatus, number>>,
  }));
}

/** One round for its release page: dates, who released it, its requests counted by status. */
export async function getRoundForRelease(viewer: StaffViewer, roundId: string) {
  assertStaff(viewer);
  const round = await db.housingRound.findUnique({
    where: { id: roundId },
    select: { id: true, academicYear: true, semester: true, releaseAt: true, releasedAt: true, releasedById: true },
  });
  if (!round) return null;
  const [counts, releasedBy] = await Promise.all([
    db.housingRequest.groupBy({ by: ["status"], where: { roundId }, _count: { _all: true } }),
    round.releasedById ? db.user.findUnique({ where: { id: round.releasedById }, select: { name: true } }) : null,
  ]);
  return {
    ...round,
    releasedByName: releasedBy?.name ?? null,
    counts: Object.fromEntries(counts.map((count) => [count.status, count._count._all])) as Partial<
      Record<HousingStatus, number>
    >,
  };
}

/**
 * The "uncertain" e-mails of a round that the viewer may see (their components' students;
 * all for an admin), oldest claim first.
 */
export async function listUncertainMails(viewer: StaffViewer, roundId: string, limit = 100) {
  assertStaff(viewer);
  return db.housingRequest.findMany({
    where: {
      roundId,
      mailClaimedAt: { lte: new Date(Date.now() - claimStaleAfterMs) },
      application: staffScope(viewer),
    },
    orderBy: [{ mailClaimedAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      status: true,
      notifiedStatus: true,
      mailClaimedAt: true,
      application: {
        select: { id: true, firstName: true, lastName: true, student: { select: { name: true, email: true } } },
      },
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Staff resolve an uncertain e-mail

/** Loads an uncertain claim the viewer may act on; anything else is refused. */
async function uncertainClaimOrThrow(viewer: StaffViewer, roundId: string, requestId: string) {
  const row = await db.housingRequest.findFirst({
    where: { id: requestId, roundId, application: staffScope(viewer) },
    select: { id: true, status: true, notifiedStatus: true, mailClaimedAt: true },
  });
  if (!row) throw new NotFoundError();
  // A recent claim may be a send in flight: acting on it could mail twice.
  if (!row.mailClaimedAt || Date.now() - row.mailClaimedAt.getTime() < claimStaleAfterMs)
    throw new DomainError("housingMailNotUncertain");
  return { ...row, mailClaimedAt: row.mailClaimedAt };
}

/**
 * Staff checked (the outbox, the student) that the e-mail left: its current decision counts
 * as e-mailed, and will not be sent.
 */
export async function markDecisionMailSent(
  viewer: StaffViewer,
  input: { roundId: string; requestId: string },
  requestId: string,
): Promise<void> {
  assertStaff(viewer);
  const row = await uncertainClaimOrThrow(viewer, input.roundId, input.requestId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.housingRequest.updateMany({
      where: { id: row.id, mailClaimedAt: row.mailClaimedAt, status: row.status },
      data: { notifiedStatus: row.status, notifiedAt: new Date(), mailClaimedAt: null },
    });
    if (count === 0) throw new DomainError("housingMailNotUncertain");
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "housing.decisionMail.markSent",
      entityType: "HousingRequest",
      entityId: row.id,
      before: { notifiedStatus: row.notifiedStatus, mailClaimedAt: row.mailClaimedAt.toISOString() },
      after: { notifiedStatus: row.status },
      requestId,
    });
  });
}

/** Staff checked that the e-mail did not leave: the claim is dropped and the e-mail sent now. */
export async function resendDecisionMail(
  viewer: StaffViewer,
  input: { roundId: string; requestId: string },
  requestId: string,
  deps: ReleaseMailDeps = realMailDeps,
): Promise<NotifyOutcome> {
  assertStaff(viewer);
  const row = await uncertainClaimOrThrow(viewer, input.roundId, input.requestId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.housingRequest.updateMany({
      where: { id: row.id, mailClaimedAt: row.mailClaimedAt },
      data: { mailClaimedAt: null },
    });
    if (count === 0) throw new DomainError("housingMailNotUncertain");
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "housing.decisionMail.resend",
      entityType: "HousingRequest",
      entityId: row.id,
      before: { mailClaimedAt: row.mailClaimedAt.toISOString() },
      after: { mailClaimedAt: null },
      requestId,
    });
  });
  return notifyHousingDecision(row.id, deps, { actorId: viewer.id, auditRequestId: requestId });
}
