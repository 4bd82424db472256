import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { ensureRound } from "@/lib/housing/rounds/service";
import { arrivalSemester, reopenReason } from "@/lib/housing/rules";

/**
 * The one door of housing for the application: a room request is made in the application
 * (R-HOU-2) and follows it. Both functions run inside the application's transaction.
 */

/**
 * A request back to pending: no decision, no room, no waitlist place, and nothing of the old
 * room's reservation; the next decision is e-mailed anew (notifiedStatus cleared).
 */
const reopened = {
  status: "PENDING",
  residenceId: null,
  waitlistPosition: null,
  decidedAt: null,
  decidedById: null,
  notifiedStatus: null,
  notifiedAt: null,
  interlogRegisteredAt: null,
  interlogRequestedAt: null,
  depositPaidAt: null,
  commitmentsAcceptedAt: null,
} as const;

/**
 * R-HOU-2: the request is made in the application. On (re)submission it is created in the
 * round of the arrival semester, or updated (city, needs, round) keeping its decision; a
 * request taken back in the form is withdrawn. R-HOU-1: a resubmission that moves a decided
 * request to another round, or an accepted one to another city, sends it back to pending
 * (reopenReason): a room is never kept without the capacity check staff decisions make.
 */
export async function syncHousingRequest(
  tx: Tx,
  application: {
    id: string;
    housingRequested: boolean | null;
    housingCity: "AIX" | "MARSEILLE" | "NO_PREFERENCE" | null;
    housingNeeds: string | null;
    academicYear: number | null;
    period: "S1" | "S2" | "FULL_YEAR" | null;
    submittedAt: Date | null;
  },
  actorId: string,
  requestId: string,
): Promise<{ reopenedSeenDecision: boolean }> {
  // Locked: a staff decision committed between this read and the write below would otherwise
  // be carried, unchecked, into the new round.
  await tx.$queryRaw`SELECT id FROM "HousingRequest" WHERE "applicationId" = ${application.id}::uuid FOR UPDATE`;
  const existing = await tx.housingRequest.findUnique({
    where: { applicationId: application.id },
    select: {
      id: true,
      status: true,
      roundId: true,
      cityPreference: true,
      residenceId: true,
      residence: { select: { name: true } },
      round: { select: { releasedAt: true } },
    },
  });
  const unchanged = { reopenedSeenDecision: false };
  if (!application.housingRequested) {
    if (existing) await withdrawHousingRequest(tx, application.id, actorId, requestId);
    return unchanged;
  }
  const round = await ensureRound(tx, application.academicYear!, arrivalSemester(application.period!));
  const data = {
    roundId: round.id,
    cityPreference: application.housingCity ?? "NO_PREFERENCE",
    needs: application.housingNeeds,
  };
  if (existing && existing.status !== "WITHDRAWN") {
    const reason = reopenReason(existing, data);
    if (!reason) {
      await tx.housingRequest.update({ where: { id: existing.id }, data });
      return unchanged;
    }
    await tx.housingRequest.update({ where: { id: existing.id }, data: { ...data, ...reopened } });
    await recordAudit(tx, {
      actorId,
      action: "housing.request.reopen",
      entityType: "HousingRequest",
      entityId: existing.id,
      before: {
        status: existing.status,
        residenceId: existing.residenceId,
        residence: existing.residence?.name ?? null,
        roundId: existing.roundId,
        cityPreference: existing.cityPreference,
        // R-HOU-3: whether the student had seen that decision (what their page may say).
        visibleToStudent: existing.round.releasedAt !== null,
      },
      after: { ...data, status: "PENDING", reason },
      requestId,
    });
    // The student is told only of a decision they had seen (R-HOU-3: an unreleased one stays hidden).
    return { reopenedSeenDecision: existing.round.releasedAt !== null };
  }
  const request = existing
    ? await tx.housingRequest.update({ where: { id: existing.id }, data: { ...data, ...reopened } })
    : await tx.housingRequest.create({
        data: { ...data, applicationId: application.id, requestedAt: application.submittedAt ?? new Date() },
      });
  await recordAudit(tx, {
    actorId,
    action: "housing.request",
    entityType: "HousingRequest",
    entityId: request.id,
    after: { ...data, status: "PENDING" },
    requestId,
  });
  return unchanged;
}

/** The application was withdrawn or rejected: its request no longer holds a room. */
export async function withdrawHousingRequest(tx: Tx, applicationId: string, actorId: string, requestId: string) {
  const request = await tx.housingRequest.findUnique({
    where: { applicationId },
    select: { id: true, status: true, residenceId: true },
  });
  if (!request || request.status === "WITHDRAWN" || request.status === "DECLINED") return;
  await tx.housingRequest.update({ where: { id: request.id }, data: { status: "WITHDRAWN" } });
  await recordAudit(tx, {
    actorId,
    action: "housing.withdraw",
    entityType: "HousingRequest",
    entityId: request.id,
    before: { status: request.status, residenceId: request.residenceId },
    after: { status: "WITHDRAWN" },
    requestId,
  });
}

/**
 * R-HOU-3: whether the round the application's request goes to (its arrival semester) is
 * already released. A request made then is decided as rooms free up, and mailed at once, so
 * the form says so. No personal data: a round is the same for everyone.
 */
export async function housingRoundReleasedFor(application: {
  academicYear: number | null;
  period: "S1" | "S2" | "FULL_YEAR" | null;
}): Promise<boolean> {
  if (application.academicYear === null || application.period === null) return false;
  const round = await db.housingRound.findUnique({
    where: {
      academicYear_semester: { academicYear: application.academicYear, semester: arrivalSemester(application.period) },
    },
    select: { releasedAt: true },
  });
  return round?.releasedAt != null;
}
