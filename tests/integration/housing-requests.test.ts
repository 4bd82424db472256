/**
 * The door of housing for the application (lib/housing/requests.ts), against the real
 * PostgreSQL: a resubmission that moves the request to another round or city never keeps a
 * room without a capacity check (R-HOU-1), and the student and staff are told.
 */
import { randomBytes, randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { getHousingBoard } from "@/lib/housing/board/queries";
import { syncHousingRequest } from "@/lib/housing/requests";
import { getStudentHousing } from "@/lib/housing/student/queries";
import { createComponent, createViewer } from "./fixtures";

let component: { id: string };
let correspondent: Viewer;

beforeAll(async () => {
  component = await createComponent();
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
});

/** An academic year of its own, with both semesters' rounds and one residence of one room each. */
async function yearWithOneRoom() {
  // Far years (JavaScript dates reach 275760), drawn wide so that tests never share a round.
  const academicYear = 3000 + randomInt(200_000);
  const far = new Date("9999-07-01T12:00:00Z");
  const [s1, s2] = await Promise.all(
    (["S1", "S2"] as const).map((semester) =>
      db.housingRound.create({ data: { academicYear, semester, releaseAt: far } }),
    ),
  );
  const residence = await db.residence.create({
    data: {
      name: `Résidence ${randomBytes(4).toString("hex")}`,
      city: "MARSEILLE",
      capacities: {
        create: [
          { academicYear, semester: "S1", rooms: 1 },
          { academicYear, semester: "S2", rooms: 1 },
        ],
      },
    },
  });
  return { academicYear, s1: s1!, s2: s2!, residence };
}

/** A submitted application whose request is ACCEPTED in the residence, in the given round. */
async function acceptedIn(
  round: { id: string; academicYear: number; semester: "S1" | "S2" },
  residenceId: string,
  lastName: string,
) {
  const student = await createViewer("STUDENT");
  const application = await db.application.create({
    data: {
      studentId: student.id,
      status: "SUBMITTED",
      componentId: component.id,
      firstName: "Ana",
      lastName,
      academicYear: round.academicYear,
      period: round.semester,
      housingRequested: true,
      housingCity: "MARSEILLE",
      submittedAt: new Date(),
    },
  });
  const request = await db.housingRequest.create({
    data: {
      applicationId: application.id,
      roundId: round.id,
      cityPreference: "MARSEILLE",
      requestedAt: new Date(),
      status: "ACCEPTED",
      residenceId,
      decidedAt: new Date(),
      decidedById: correspondent.id,
    },
  });
  return { student, application, request };
}

/** The student resubmits the application with the given changes (as submitApplication does). */
function resubmit(
  application: { id: string; academicYear: number | null; submittedAt: Date | null },
  changes: { period?: "S1" | "S2" | "FULL_YEAR"; housingCity?: "AIX" | "MARSEILLE" | "NO_PREFERENCE"; needs?: string },
  actorId: string,
  requestId: string,
) {
  return db.$transaction((tx) =>
    syncHousingRequest(
      tx,
      {
        id: application.id,
        housingRequested: true,
        housingCity: changes.housingCity ?? "MARSEILLE",
        housingNeeds: changes.needs ?? null,
        academicYear: application.academicYear,
        period: changes.period ?? "S1",
        submittedAt: application.submittedAt,
      },
      actorId,
      requestId,
    ),
  );
}

const acceptedCount = (residenceId: string, roundId: string) =>
  db.housingRequest.count({ where: { residenceId, roundId, status: "ACCEPTED" } });

describe("R-HOU-1: a resubmission that changes the round or the city never keeps a room unchecked", () => {
  it("accepted in S1, resubmitted for S2 where the residence is full: pending in the S2 round, never over capacity", async () => {
    const { s1, s2, residence } = await yearWithOneRoom();
    const a = await acceptedIn(s1, residence.id, "Moving");
    await acceptedIn(s2, residence.id, "Holder");
    // The S1 decision was released and e-mailed: the student knew of the room.
    await db.housingRound.update({ where: { id: s1.id }, data: { releasedAt: new Date() } });
    await db.housingRequest.update({
      where: { id: a.request.id },
      data: { notifiedStatus: "ACCEPTED", notifiedAt: new Date(), interlogRegisteredAt: new Date() },
    });

    // The submission mails the student about it (submitApplicationAction), since they had seen it.
    expect(await resubmit(a.application, { period: "S2" }, a.student.id, "req-resubmit")).toEqual({
      reopenedSeenDecision: true,
    });

    expect(await acceptedCount(residence.id, s2.id)).toBe(1);
    expect(await db.housingRequest.findUniqueOrThrow({ where: { id: a.request.id } })).toMatchObject({
      roundId: s2.id,
      status: "PENDING",
      residenceId: null,
      waitlistPosition: null,
      decidedAt: null,
      notifiedStatus: null,
      interlogRegisteredAt: null,
    });
    expect(
      await db.auditEvent.findFirst({
        where: { entityType: "HousingRequest", entityId: a.request.id, action: "housing.request.reopen" },
        select: { actorId: true, requestId: true, before: true, after: true },
      }),
    ).toMatchObject({
      actorId: a.student.id,
      requestId: "req-resubmit",
      before: { status: "ACCEPTED", residenceId: residence.id, roundId: s1.id },
      after: { status: "PENDING", roundId: s2.id, reason: "round" },
    });

    // The student is told on their housing page, the staff on the board.
    const housing = await getStudentHousing(a.student);
    expect(housing?.request).toMatchObject({ status: "PENDING", reopened: { reason: "round" } });
    const board = await getHousingBoard(correspondent, { round: s2.id });
    expect(board?.requests.find((row) => row.id === a.request.id)).toMatchObject({
      status: "PENDING",
      reopened: { reason: "round", from: "ACCEPTED", residence: residence.name },
    });
  });

  it("a change of city sends an accepted request back to pending in the same round", async () => {
    const { s1, residence } = await yearWithOneRoom();
    const a = await acceptedIn(s1, residence.id, "Cityswap");
    await resubmit(a.application, { housingCity: "AIX" }, a.student.id, "req-city");
    expect(await db.housingRequest.findUniqueOrThrow({ where: { id: a.request.id } })).toMatchObject({
      roundId: s1.id,
      status: "PENDING",
      residenceId: null,
      cityPreference: "AIX",
    });
    expect(await acceptedCount(residence.id, s1.id)).toBe(0);
  });

  it("an unreleased decision stays hidden: the student's page says nothing of a reopened room", async () => {
    const { s1, s2, residence } = await yearWithOneRoom();
    const a = await acceptedIn(s1, residence.id, "Quiet");
    // No page notice, and no e-mail: that would reveal the decision before its release.
    expect(await resubmit(a.application, { period: "S2" }, a.student.id, "req-quiet")).toEqual({
      reopenedSeenDecision: false,
    });
    expect((await getStudentHousing(a.student))?.request).toMatchObject({ status: "PENDING", reopened: null });
    const board = await getHousingBoard(correspondent, { round: s2.id });
    expect(board?.requests.find((row) => row.id === a.request.id)).toMatchObject({
      reopened: { reason: "round", from: "ACCEPTED" },
    });
  });

  it("a resubmission that keeps the round and the city keeps the decision", async () => {
    const { s1, residence } = await yearWithOneRoom();
    const a = await acceptedIn(s1, residence.id, "Stayer");
    expect(await resubmit(a.application, { needs: "ground floor" }, a.student.id, "req-same")).toEqual({
      reopenedSeenDecision: false,
    });
    expect(await db.housingRequest.findUniqueOrThrow({ where: { id: a.request.id } })).toMatchObject({
      roundId: s1.id,
      status: "ACCEPTED",
      residenceId: residence.id,
      needs: "ground floor",
    });
    expect(await db.auditEvent.count({ where: { entityId: a.request.id, action: "housing.request.reopen" } })).toBe(0);
  });
});
