import "server-only";
import { recordAudit } from "@/lib/audit";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { forEachConcurrently } from "@/lib/concurrency";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import {
  type MailContext,
  type NotifyOutcome,
  notifyHousingDecision,
  type ReleaseMailDeps,
  realMailDeps,
} from "@/lib/housing/release/mail-claims";
import { decidedStatuses, isStaleClaim, mayManageRelease } from "@/lib/housing/release/rules";
import { canRelease, releaseOpensAt } from "@/lib/housing/rounds/rules";
import { logWarn } from "@/lib/log";

/**
 * Releasing a round of housing decisions (R-HOU-3), sending its e-mails (each through the
 * claim protocol of mail-claims.ts), and staff resolving the e-mails a crash left uncertain.
 */

type StaffViewer = Pick<Viewer, "id" | "role" | "componentIds">;

const pageSize = 100;

function assertMayManageRelease(viewer: StaffViewer) {
  if (!mayManageRelease(viewer)) throw new DomainError("forbidden");
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
  now: Date = new Date(),
): Promise<{ id: string; releasedAt: Date }> {
  assertMayManageRelease(viewer);
  return db.$transaction(async (tx) => {
    const round = await tx.housingRound.findUnique({
      where: { id: roundId },
      select: { releaseAt: true, releasedAt: true },
    });
    if (!round) throw new NotFoundError();
    if (round.releasedAt) throw new DomainError("housingRoundAlreadyReleased", { date: round.releasedAt.getTime() });
    if (!canRelease(round, now))
      throw new DomainError("housingRoundNotYet", { date: releaseOpensAt(round.releaseAt).getTime() });
    const { count } = await tx.housingRound.updateMany({
      where: { id: roundId, releasedAt: null },
      data: { releasedAt: now, releasedById: viewer.id },
    });
    if (count === 0) {
      // Another staff member released it between our read and our write: exactly one release.
      const winner = await tx.housingRound.findUniqueOrThrow({ where: { id: roundId }, select: { releasedAt: true } });
      throw new DomainError("housingRoundAlreadyReleased", { date: (winner.releasedAt ?? now).getTime() });
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
// A round's e-mails

/** R-HOU-3: nothing is mailed before the release (each claim checks it again). */
export async function assertRoundReleased(roundId: string): Promise<void> {
  const round = await db.housingRound.findUnique({ where: { id: roundId }, select: { releasedAt: true } });
  if (!round) throw new NotFoundError();
  if (!round.releasedAt) throw new DomainError("housingRoundNotReleased");
}

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
  await assertRoundReleased(roundId);

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
              requestId: options.requestId,
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
// Staff resolve an uncertain e-mail

/** Loads an uncertain claim the viewer may act on; anything else is refused. */
async function uncertainClaimOrThrow(viewer: StaffViewer, roundId: string, housingRequestId: string) {
  const row = await db.housingRequest.findFirst({
    where: { id: housingRequestId, roundId, application: staffScope(viewer) },
    select: { id: true, status: true, notifiedStatus: true, mailClaimedAt: true },
  });
  if (!row) throw new NotFoundError();
  // A recent claim may be a send in flight: acting on it could mail twice.
  if (!row.mailClaimedAt || !isStaleClaim(row.mailClaimedAt, new Date()))
    throw new DomainError("housingMailNotUncertain");
  return { ...row, mailClaimedAt: row.mailClaimedAt };
}

/**
 * Staff checked (the outbox, the student) that the e-mail left: its current decision counts
 * as e-mailed, and will not be sent.
 */
export async function markDecisionMailSent(
  viewer: StaffViewer,
  input: { roundId: string; housingRequestId: string },
  requestId: string,
): Promise<void> {
  assertMayManageRelease(viewer);
  const row = await uncertainClaimOrThrow(viewer, input.roundId, input.housingRequestId);
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
  input: { roundId: string; housingRequestId: string },
  requestId: string,
  deps: ReleaseMailDeps = realMailDeps,
): Promise<NotifyOutcome> {
  assertMayManageRelease(viewer);
  const row = await uncertainClaimOrThrow(viewer, input.roundId, input.housingRequestId);
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
  return notifyHousingDecision(row.id, deps, { actorId: viewer.id, requestId });
}
