import "server-only";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { HousingStatus } from "@/lib/generated/prisma/client";
import { roundMailsJobName } from "@/lib/housing/release/mail-job";
import { claimStaleAfterMs, mayManageRelease, maySeeRounds } from "@/lib/housing/release/rules";

/** Reads for the release page (administrators) and the board's list of rounds (staff), R-HOU-3. */

type StaffViewer = Pick<Viewer, "id" | "role" | "componentIds">;

function assertMayManageRelease(viewer: StaffViewer) {
  if (!mayManageRelease(viewer)) throw new DomainError("forbidden");
}

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
  /** A sending job waits or runs on the job queue (any worker). */
  running: boolean;
}

/** The counts behind the release page's progress bar (counts only, no personal data). */
export async function roundReleaseProgress(viewer: StaffViewer, roundId: string): Promise<RoundReleaseProgress> {
  assertMayManageRelease(viewer);
  return unsafeRoundReleaseProgress(roundId);
}

/**
 * The same counts with no viewer, for the operator's command (scripts/housing-release-mails.ts),
 * which runs on the server with the database's own rights: one aggregate query over the
 * round's decided requests.
 */
export async function unsafeRoundReleaseProgress(roundId: string): Promise<RoundReleaseProgress> {
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
    running: await roundMailsJobPending(roundId),
  };
}

// The queue's tables are made by the first worker or sender; once there, they stay.
let jobTableSeen = false;

/**
 * Whether the round's e-mail job waits or runs, read from the job queue's table (pg-boss 10:
 * one row per job, keyed by the round as its singleton key; lib/jobs/queue.ts).
 */
async function roundMailsJobPending(roundId: string): Promise<boolean> {
  if (!jobTableSeen) {
    const [table] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`;
    if (!table?.present) return false;
    jobTableSeen = true;
  }
  const [row] = await db.$queryRaw<{ pending: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pgboss.job
      WHERE name = ${roundMailsJobName} AND singleton_key = ${roundId} AND state IN ('created', 'retry', 'active')
    ) AS pending`;
  return row?.pending ?? false;
}

/**
 * Every round, newest first, with the requests of the viewer's scope counted by status (a
 * correspondent: their faculties'; an admin: all). No personal data.
 */
export async function listRounds(viewer: StaffViewer) {
  if (!maySeeRounds(viewer)) throw new DomainError("forbidden");
  const [rounds, counts] = await Promise.all([
    db.housingRound.findMany({
      orderBy: [{ academicYear: "desc" }, { semester: "asc" }],
      select: { id: true, academicYear: true, semester: true, releaseAt: true, releasedAt: true },
    }),
    db.housingRequest.groupBy({
      by: ["roundId", "status"],
      where: { application: staffScope(viewer) },
      _count: { _all: true },
    }),
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
  assertMayManageRelease(viewer);
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
  assertMayManageRelease(viewer);
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
