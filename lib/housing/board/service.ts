import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { canDecide, hasFreeRoom, type Proposal, suggestAllocation } from "@/lib/housing/board/rules";
import type { THousingDecision } from "@/lib/housing/board/schemas";
import { lockFreeRooms } from "@/lib/housing/capacity";
import {
  type NotifyOutcome,
  notifyHousingDecision,
  type ReleaseMailDeps,
  realMailDeps,
} from "@/lib/housing/release/mail-claims";
import { listResidenceRooms } from "@/lib/residences/queries";

type StaffViewer = Pick<Viewer, "id" | "role" | "componentIds">;

// ---------------------------------------------------------------------------------------------
// Decisions

/**
 * Staff decide on one request of their scope: accept (in a residence with a free room), waitlist
 * or refuse. In a released round the decision is visible at once, so it is e-mailed at once
 * (R-HOU-3), after the commit, the e-mail's audit naming the same actor and request id.
 */
export async function decideHousingRequest(
  viewer: StaffViewer,
  input: THousingDecision,
  requestId: string,
  deps: ReleaseMailDeps = realMailDeps,
): Promise<{ housingRequestId: string; roundId: string; released: boolean; mail: NotifyOutcome | null }> {
  const decided = await db.$transaction(async (tx) => {
    const request = await tx.housingRequest.findFirst({
      where: { id: input.housingRequestId, application: staffScope(viewer) },
      select: {
        id: true,
        status: true,
        residenceId: true,
        roundId: true,
        round: { select: { academicYear: true, semester: true, releasedAt: true } },
      },
    });
    if (!request) throw new NotFoundError();
    if (request.status !== input.expectedStatus) throw new ConflictError();
    if (!canDecide(request.status, input.decision, request.round.releasedAt !== null))
      throw new DomainError("housingDecisionLocked");

    let residenceName: string | null = null;
    if (input.decision === "ACCEPTED") {
      const residence = await tx.residence.findUnique({ where: { id: input.residenceId! }, select: { name: true } });
      if (!residence) throw new DomainError("residenceUnknown", {}, "residenceId");
      residenceName = residence.name;
      const { rooms, accepted } = await lockFreeRooms(
        tx,
        input.residenceId!,
        request.round.academicYear,
        request.round.semester,
        request.id,
      );
      if (!hasFreeRoom(rooms, accepted))
        throw new DomainError("residenceFull", { residence: residence.name }, "residenceId");
    }
    const waitlistPosition =
      input.decision === "WAITLISTED"
        ? ((
            await tx.housingRequest.aggregate({
              where: { roundId: request.roundId, status: "WAITLISTED" },
              _max: { waitlistPosition: true },
            })
          )._max.waitlistPosition ?? 0) + 1
        : null;
    const { count } = await tx.housingRequest.updateMany({
      // The round too: a resubmission that moved the request since the capacity check wins.
      where: { id: request.id, status: input.expectedStatus, roundId: request.roundId },
      data: {
        status: input.decision,
        residenceId: input.decision === "ACCEPTED" ? input.residenceId : null,
        waitlistPosition,
        decidedAt: new Date(),
        decidedById: viewer.id,
      },
    });
    if (count === 0) throw new ConflictError();
    await recordAudit(tx, {
      actorId: viewer.id,
      // toLowerCase keeps the literal ("ACCEPTED" → "accepted"); TypeScript only types it as a string.
      action: `housing.${input.decision.toLowerCase() as Lowercase<typeof input.decision>}`,
      entityType: "HousingRequest",
      entityId: request.id,
      before: { status: request.status, residenceId: request.residenceId },
      after: { status: input.decision, residenceId: input.residenceId, residence: residenceName, waitlistPosition },
      requestId,
    });
    return { housingRequestId: request.id, roundId: request.roundId, released: request.round.releasedAt !== null };
  });
  const mail = decided.released
    ? await notifyHousingDecision(decided.housingRequestId, deps, { actorId: viewer.id, requestId })
    : null;
  return { ...decided, mail };
}

/** Staff rank requests for the RANKING policy. */
export async function rankHousingRequest(
  viewer: StaffViewer,
  input: { housingRequestId: string; rank: number | null },
  requestId: string,
) {
  return db.$transaction(async (tx) => {
    const request = await tx.housingRequest.findFirst({
      where: { id: input.housingRequestId, application: staffScope(viewer) },
      select: { id: true, rank: true, roundId: true },
    });
    if (!request) throw new NotFoundError();
    await tx.housingRequest.update({ where: { id: request.id }, data: { rank: input.rank } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "housing.rank",
      entityType: "HousingRequest",
      entityId: request.id,
      before: { rank: request.rank },
      after: { rank: input.rank },
      requestId,
    });
    return { roundId: request.roundId };
  });
}

// ---------------------------------------------------------------------------------------------
// Allocation suggestion (R-HOU-1): proposed, explained, confirmed by staff

async function loadSuggestionFacts(client: Tx | typeof db, viewer: StaffViewer, roundId: string) {
  const round = await client.housingRound.findUnique({
    where: { id: roundId },
    select: { id: true, academicYear: true, semester: true, policy: true, releasedAt: true },
  });
  if (!round) throw new NotFoundError();
  const [requests, rooms] = await Promise.all([
    client.housingRequest.findMany({
      where: { roundId, status: "PENDING", application: staffScope(viewer) },
      select: { id: true, cityPreference: true, requestedAt: true, rank: true },
    }),
    listResidenceRooms(round.academicYear, round.semester, client),
  ]);
  return { round, requests, residences: rooms.filter((residence) => residence.rooms > 0) };
}

/** A fingerprint of a suggestion: confirming applies exactly what the reviewer saw, or nothing. */
export function fingerprintOf(proposals: Proposal[]): string {
  const hash = createHash("sha256");
  for (const proposal of proposals)
    hash.update(`${proposal.housingRequestId}:${proposal.decision}:${proposal.residenceId ?? ""};`);
  return hash.digest("hex");
}

/** The proposals, their fingerprint, and the students of the first `named` ones. */
export async function suggestHousingAllocation(viewer: StaffViewer, roundId: string, named = 200) {
  const { round, requests, residences } = await loadSuggestionFacts(db, viewer, roundId);
  const proposals = suggestAllocation(requests, residences, round.policy);
  const shown = await db.housingRequest.findMany({
    where: { id: { in: proposals.slice(0, named).map((proposal) => proposal.housingRequestId) } },
    select: { id: true, application: { select: { id: true, firstName: true, lastName: true } } },
  });
  // The screen names them (lib/student-name.ts), in the reader's language.
  const students = Object.fromEntries(shown.map((row) => [row.id, row.application]));
  return { proposals, fingerprint: fingerprintOf(proposals), policy: round.policy, students };
}

/**
 * Applies the suggestion the reviewer confirmed. The rooms of the semester are locked, the
 * suggestion is computed again on the locked state and must match what was shown (else
 * "changed", nothing applied); then all decisions are written in one statement, with one
 * audit event each.
 */
export async function confirmHousingSuggestion(
  viewer: StaffViewer,
  input: { roundId: string; fingerprint: string },
  requestId: string,
) {
  return db.$transaction(
    async (tx) => {
      const round = await tx.housingRound.findUnique({
        where: { id: input.roundId },
        select: { academicYear: true, semester: true, releasedAt: true },
      });
      if (!round) throw new NotFoundError();
      if (round.releasedAt) throw new DomainError("housingDecisionLocked");
      await tx.$queryRaw`SELECT id FROM "ResidenceCapacity" WHERE "academicYear" = ${round.academicYear} AND semester = ${round.semester}::"Semester" ORDER BY id FOR UPDATE`;
      const { requests, residences, round: full } = await loadSuggestionFacts(tx, viewer, input.roundId);
      const proposals = suggestAllocation(requests, residences, full.policy);
      if (fingerprintOf(proposals) !== input.fingerprint) throw new ConflictError();
      if (proposals.length === 0) return { applied: 0 };

      const maxPosition =
        (
          await tx.housingRequest.aggregate({
            where: { roundId: input.roundId, status: "WAITLISTED" },
            _max: { waitlistPosition: true },
          })
        )._max.waitlistPosition ?? 0;
      const ids = proposals.map((proposal) => proposal.housingRequestId);
      const statuses = proposals.map((proposal) => proposal.decision);
      const residenceIds = proposals.map((proposal) => proposal.residenceId);
      const positions = proposals.map((proposal) =>
        proposal.decision === "WAITLISTED" ? maxPosition + proposal.reason.waitlistPosition : null,
      );
      // One statement: the decisions and their audit events (one per request), so 20,000
      // decisions take one round trip; a request no longer PENDING makes the count differ.
      const written = await tx.$executeRaw`
        WITH v AS (
          SELECT * FROM unnest(${ids}::uuid[], ${statuses}::text[], ${residenceIds}::uuid[], ${positions}::int[]) AS v(id, status, residence, position)
        ), updated AS (
          UPDATE "HousingRequest" AS r
          SET status = v.status::"HousingStatus", "residenceId" = v.residence, "waitlistPosition" = v.position,
              "decidedAt" = now(), "decidedById" = ${viewer.id}::uuid, "updatedAt" = now()
          FROM v WHERE r.id = v.id AND r.status = 'PENDING'
          RETURNING r.id, v.status, v.residence, v.position
        )
        INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", before, after, "requestId")
        SELECT ${viewer.id}::uuid, 'housing.' || lower(status), 'HousingRequest', id::text, '{"status":"PENDING"}'::jsonb,
               jsonb_build_object('status', status, 'residenceId', residence, 'waitlistPosition', position, 'suggested', true), ${requestId}
        FROM updated`;
      if (written !== proposals.length) throw new ConflictError();
      return { applied: proposals.length };
    },
    { timeout: 60_000 },
  );
}
