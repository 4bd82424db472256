import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import {
  housingCommitments,
  interlogColumns,
  reservationProgress,
  studentHousingStatus,
} from "@/lib/housing/student/rules";
import type { TAcceptCommitments, TDeclineRoom, TInterlogStep } from "@/lib/housing/student/schemas";

/**
 * What an accepted student does about their room (R-HOU-4, R-HOU-5): tick the INTERLOG steps,
 * accept the three commitments, or give the room up. Each acts on the student's own request
 * only, and only on a decision they can see (its round released).
 */

type StudentViewer = Pick<Viewer, "id" | "role">;

const lockedSelect = {
  id: true,
  status: true,
  residenceId: true,
  interlogRegisteredAt: true,
  interlogRequestedAt: true,
  depositPaidAt: true,
  commitmentsAcceptedAt: true,
  round: { select: { releasedAt: true } },
} as const;

/**
 * The viewer's own request, its row locked until the transaction ends (two tabs ticking at
 * once are serialised), and accepted as the student sees it. Someone else's request, or one
 * that does not exist, is "not found"; one that is not (or no longer, or not yet visibly)
 * accepted is refused with housingNotAccepted, the same answer before the release whatever
 * staff recorded, so nothing of an unreleased decision shows (R-HOU-3).
 */
async function lockOwnAcceptedRequestOrThrow(tx: Tx, viewer: StudentViewer, housingRequestId: string) {
  if (viewer.role !== "STUDENT") throw new NotFoundError();
  const owned = await tx.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "HousingRequest" r JOIN "Application" a ON a.id = r."applicationId"
    WHERE r.id = ${housingRequestId}::uuid AND a."studentId" = ${viewer.id}::uuid
    FOR UPDATE OF r`;
  if (owned.length === 0) throw new NotFoundError();
  const request = await tx.housingRequest.findUniqueOrThrow({ where: { id: housingRequestId }, select: lockedSelect });
  if (studentHousingStatus(request.status, request.round) !== "ACCEPTED") throw new DomainError("housingNotAccepted");
  return request;
}

/**
 * R-HOU-4: the student ticks (or unticks) one INTERLOG step; ticking records the time. Ticking
 * a ticked step (or unticking an unticked one) changes nothing and writes no event.
 */
export async function setInterlogStep(viewer: StudentViewer, input: TInterlogStep, requestId: string) {
  return db.$transaction(async (tx) => {
    const request = await lockOwnAcceptedRequestOrThrow(tx, viewer, input.housingRequestId);
    const column = interlogColumns[input.step];
    const current = request[column];
    if (input.done === (current !== null)) {
      return { step: input.step, doneAt: current, changed: false, confirmed: reservationProgress(request).confirmed };
    }
    const doneAt = input.done ? new Date() : null;
    const { count } = await tx.housingRequest.updateMany({
      where: { id: request.id, status: "ACCEPTED" },
      data: { [column]: doneAt },
    });
    if (count === 0) throw new ConflictError();
    await recordAudit(tx, {
      actorId: viewer.id,
      action: input.done ? "housing.interlogTick" : "housing.interlogUntick",
      entityType: "HousingRequest",
      entityId: request.id,
      before: { step: input.step, [column]: current?.toISOString() ?? null },
      after: { step: input.step, [column]: doneAt?.toISOString() ?? null },
      requestId,
    });
    return {
      step: input.step,
      doneAt,
      changed: true,
      confirmed: reservationProgress({ ...request, [column]: doneAt }).confirmed,
    };
  });
}

/**
 * R-HOU-5: the student accepts the three commitments, explicitly (the schema requires each
 * box), and the time is recorded. Accepted once and for all: accepting again keeps the first
 * time and writes no event; nothing takes it back.
 */
export async function acceptHousingCommitments(viewer: StudentViewer, input: TAcceptCommitments, requestId: string) {
  return db.$transaction(async (tx) => {
    const request = await lockOwnAcceptedRequestOrThrow(tx, viewer, input.housingRequestId);
    if (request.commitmentsAcceptedAt) {
      return {
        acceptedAt: request.commitmentsAcceptedAt,
        changed: false,
        confirmed: reservationProgress(request).confirmed,
      };
    }
    const acceptedAt = new Date();
    const { count } = await tx.housingRequest.updateMany({
      where: { id: request.id, status: "ACCEPTED", commitmentsAcceptedAt: null },
      data: { commitmentsAcceptedAt: acceptedAt },
    });
    if (count === 0) throw new ConflictError();
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "housing.acceptCommitments",
      entityType: "HousingRequest",
      entityId: request.id,
      before: { commitmentsAcceptedAt: null },
      after: { commitmentsAcceptedAt: acceptedAt.toISOString(), commitments: [...housingCommitments] },
      requestId,
    });
    return {
      acceptedAt,
      changed: true,
      confirmed: reservationProgress({ ...request, commitmentsAcceptedAt: acceptedAt }).confirmed,
    };
  });
}

/**
 * The student gives up the room they were offered: ACCEPTED → DECLINED, guarded on the status
 * (declining twice, or a room taken back meanwhile, is refused). The residence stays on the
 * request, so staff know which room is free again; offering it to the waitlist, and the
 * e-mails, are staff's (not done here).
 */
export async function declineHousingRoom(viewer: StudentViewer, input: TDeclineRoom, requestId: string) {
  return db.$transaction(async (tx) => {
    const request = await lockOwnAcceptedRequestOrThrow(tx, viewer, input.housingRequestId);
    const { count } = await tx.housingRequest.updateMany({
      where: { id: request.id, status: "ACCEPTED" },
      data: { status: "DECLINED" },
    });
    if (count === 0) throw new DomainError("housingNotAccepted");
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "housing.decline",
      entityType: "HousingRequest",
      entityId: request.id,
      before: { status: "ACCEPTED", residenceId: request.residenceId },
      after: { status: "DECLINED", residenceId: request.residenceId },
      requestId,
    });
    return { housingRequestId: request.id, residenceId: request.residenceId };
  });
}
