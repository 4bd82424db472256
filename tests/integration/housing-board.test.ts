import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { getHousingBoard } from "@/lib/housing/board/queries";
import { confirmHousingSuggestion, decideHousingRequest, suggestHousingAllocation } from "@/lib/housing/board/service";
import { createComponent, createViewer } from "./fixtures";

let component: { id: string };
let otherComponent: { id: string };
let correspondent: Viewer;
let outsider: Viewer;

beforeAll(async () => {
  component = await createComponent();
  otherComponent = await createComponent();
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
  outsider = await createViewer("CORRESPONDENT", [otherComponent.id]);
});

/** A round of its own (a year no other test uses) with residences of the given rooms. */
async function roundWithRooms(rooms: { city: "AIX" | "MARSEILLE"; rooms: number }[]) {
  // Far-future years (JavaScript dates reach year 275760), drawn wide so tests never collide.
  const academicYear = 100_000 + Math.floor(Math.random() * 170_000);
  const round = await db.housingRound.create({
    data: { academicYear, semester: "S1", releaseAt: new Date(Date.UTC(academicYear, 6, 1)) },
  });
  const residences = [];
  for (const room of rooms) {
    residences.push(
      await db.residence.create({
        data: {
          name: `Residence ${randomBytes(4).toString("hex")}`,
          city: room.city,
          capacities: { create: { academicYear, semester: "S1", rooms: room.rooms } },
        },
      }),
    );
  }
  return { round, residences };
}

/** A submitted application of the component with a pending request in the round. */
async function requestIn(
  roundId: string,
  minutesAgo: number,
  componentId = component.id,
  city: "AIX" | "MARSEILLE" | "NO_PREFERENCE" = "NO_PREFERENCE",
) {
  const student = await createViewer("STUDENT");
  const application = await db.application.create({
    data: {
      studentId: student.id,
      status: "SUBMITTED",
      componentId,
      firstName: "Hou",
      lastName: `Sing${minutesAgo}`,
      housingRequested: true,
    },
  });
  return db.housingRequest.create({
    data: {
      applicationId: application.id,
      roundId,
      cityPreference: city,
      requestedAt: new Date(Date.now() - minutesAgo * 60_000),
    },
  });
}

describe("deciding on housing requests", () => {
  it("accepts within capacity and refuses beyond it, naming the residence, with nothing changed", async () => {
    const { round, residences } = await roundWithRooms([{ city: "AIX", rooms: 1 }]);
    const first = await requestIn(round.id, 10);
    const second = await requestIn(round.id, 5);
    const residenceId = residences[0]!.id;
    await decideHousingRequest(
      correspondent,
      { housingRequestId: first.id, expectedStatus: "PENDING", decision: "ACCEPTED", residenceId },
      "r",
    );
    await expect(
      decideHousingRequest(
        correspondent,
        { housingRequestId: second.id, expectedStatus: "PENDING", decision: "ACCEPTED", residenceId },
        "r",
      ),
    ).rejects.toMatchObject({
      code: "residenceFull",
      params: { residence: residences[0]!.name },
    });
    expect((await db.housingRequest.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("PENDING");
    expect(await db.auditEvent.count({ where: { entityId: first.id, action: "housing.accepted" } })).toBe(1);
  });

  it("parallel accepts on the last room: exactly one succeeds", async () => {
    const { round, residences } = await roundWithRooms([{ city: "MARSEILLE", rooms: 1 }]);
    const requests = await Promise.all([1, 2, 3, 4, 5].map((minutes) => requestIn(round.id, minutes)));
    const otherStaff = await createViewer("CORRESPONDENT", [component.id]);
    const outcomes = await Promise.allSettled(
      requests.map((request, index) =>
        decideHousingRequest(
          index % 2 ? correspondent : otherStaff,
          {
            housingRequestId: request.id,
            expectedStatus: "PENDING",
            decision: "ACCEPTED",
            residenceId: residences[0]!.id,
          },
          "r",
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes)
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "residenceFull" });
    expect(await db.housingRequest.count({ where: { residenceId: residences[0]!.id, status: "ACCEPTED" } })).toBe(1);
  });

  it("a correspondent of another faculty gets 'not found'; a stale decision gets 'changed'", async () => {
    const { round, residences } = await roundWithRooms([{ city: "AIX", rooms: 3 }]);
    const request = await requestIn(round.id, 1);
    await expect(
      decideHousingRequest(
        outsider,
        { housingRequestId: request.id, expectedStatus: "PENDING", decision: "REFUSED", residenceId: null },
        "r",
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    await decideHousingRequest(
      correspondent,
      { housingRequestId: request.id, expectedStatus: "PENDING", decision: "WAITLISTED", residenceId: null },
      "r",
    );
    await expect(
      decideHousingRequest(
        correspondent,
        {
          housingRequestId: request.id,
          expectedStatus: "PENDING",
          decision: "ACCEPTED",
          residenceId: residences[0]!.id,
        },
        "r",
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await getHousingBoard(outsider, { round: round.id })).toMatchObject({ requests: [] });
  });

  it("after the release, a decision stays; only the waitlist moves", async () => {
    const { round, residences } = await roundWithRooms([{ city: "AIX", rooms: 2 }]);
    const refused = await requestIn(round.id, 3);
    const waitlisted = await requestIn(round.id, 2);
    await decideHousingRequest(
      correspondent,
      { housingRequestId: waitlisted.id, expectedStatus: "PENDING", decision: "WAITLISTED", residenceId: null },
      "r",
    );
    await decideHousingRequest(
      correspondent,
      { housingRequestId: refused.id, expectedStatus: "PENDING", decision: "REFUSED", residenceId: null },
      "r",
    );
    await db.housingRound.update({ where: { id: round.id }, data: { releasedAt: new Date() } });
    await expect(
      decideHousingRequest(
        correspondent,
        {
          housingRequestId: refused.id,
          expectedStatus: "REFUSED",
          decision: "ACCEPTED",
          residenceId: residences[0]!.id,
        },
        "r",
      ),
    ).rejects.toMatchObject({ code: "housingDecisionLocked" });
    const outcome = await decideHousingRequest(
      correspondent,
      {
        housingRequestId: waitlisted.id,
        expectedStatus: "WAITLISTED",
        decision: "ACCEPTED",
        residenceId: residences[0]!.id,
      },
      "r",
    );
    expect(outcome.released).toBe(true);
  });
});

describe("a request made after its round was released (R-HOU-1, R-HOU-3)", () => {
  /** A round released before the request was made, with one room left. */
  async function lateRequest() {
    const { round, residences } = await roundWithRooms([{ city: "MARSEILLE", rooms: 1 }]);
    await db.housingRound.update({ where: { id: round.id }, data: { releasedAt: new Date() } });
    const request = await requestIn(round.id, 1);
    return { round, residence: residences[0]!, request };
  }

  it("can be accepted within capacity, and the student is e-mailed at once, audited with the actor and the request id", async () => {
    const { residence, request } = await lateRequest();
    const outcome = await decideHousingRequest(
      correspondent,
      { housingRequestId: request.id, expectedStatus: "PENDING", decision: "ACCEPTED", residenceId: residence.id },
      "req-late",
    );
    expect(outcome).toMatchObject({ released: true, mail: { outcome: "sent", status: "ACCEPTED" } });
    expect(await db.housingRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "ACCEPTED",
      residenceId: residence.id,
      notifiedStatus: "ACCEPTED",
    });
    const events = await db.auditEvent.findMany({
      where: { entityId: request.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, requestId: true },
    });
    expect(events).toEqual([
      { action: "housing.accepted", actorId: correspondent.id, requestId: "req-late" },
      { action: "housing.decisionMail.send", actorId: correspondent.id, requestId: "req-late" },
    ]);
  });

  it("can be waitlisted or refused, never accepted beyond the rooms left", async () => {
    const { round, residence, request } = await lateRequest();
    const other = await requestIn(round.id, 0);
    await decideHousingRequest(
      correspondent,
      { housingRequestId: request.id, expectedStatus: "PENDING", decision: "ACCEPTED", residenceId: residence.id },
      "r",
    );
    await expect(
      decideHousingRequest(
        correspondent,
        { housingRequestId: other.id, expectedStatus: "PENDING", decision: "ACCEPTED", residenceId: residence.id },
        "r",
      ),
    ).rejects.toMatchObject({ code: "residenceFull" });
    await expect(
      decideHousingRequest(
        correspondent,
        { housingRequestId: other.id, expectedStatus: "PENDING", decision: "WAITLISTED", residenceId: null },
        "r",
      ),
    ).resolves.toMatchObject({ mail: { outcome: "sent", status: "WAITLISTED" } });
  });
});

describe("a decision changed after the release is e-mailed with its actor and request id", () => {
  it("a waitlisted request accepted after the release: the mail's audit names who and which request", async () => {
    const { round, residences } = await roundWithRooms([{ city: "AIX", rooms: 1 }]);
    const request = await requestIn(round.id, 1);
    await decideHousingRequest(
      correspondent,
      { housingRequestId: request.id, expectedStatus: "PENDING", decision: "WAITLISTED", residenceId: null },
      "r",
    );
    await db.housingRound.update({ where: { id: round.id }, data: { releasedAt: new Date() } });
    await decideHousingRequest(
      correspondent,
      {
        housingRequestId: request.id,
        expectedStatus: "WAITLISTED",
        decision: "ACCEPTED",
        residenceId: residences[0]!.id,
      },
      "req-promote",
    );
    expect(
      await db.auditEvent.findFirst({
        where: { entityId: request.id, action: "housing.decisionMail.send" },
        select: { actorId: true, requestId: true },
      }),
    ).toEqual({ actorId: correspondent.id, requestId: "req-promote" });
  });
});

describe("waitlist promotion", () => {
  it("a declined room is offered to the next waitlisted request of its city", async () => {
    const { round, residences } = await roundWithRooms([{ city: "AIX", rooms: 1 }]);
    const accepted = await requestIn(round.id, 30);
    const marseilleOnly = await requestIn(round.id, 20, component.id, "MARSEILLE");
    const anyCity = await requestIn(round.id, 10);
    await decideHousingRequest(
      correspondent,
      {
        housingRequestId: accepted.id,
        expectedStatus: "PENDING",
        decision: "ACCEPTED",
        residenceId: residences[0]!.id,
      },
      "r",
    );
    for (const request of [marseilleOnly, anyCity]) {
      await decideHousingRequest(
        correspondent,
        { housingRequestId: request.id, expectedStatus: "PENDING", decision: "WAITLISTED", residenceId: null },
        "r",
      );
    }
    expect((await getHousingBoard(correspondent, { round: round.id }))!.offers).toHaveLength(0);

    await db.housingRequest.update({ where: { id: accepted.id }, data: { status: "DECLINED" } });
    const board = await getHousingBoard(correspondent, { round: round.id });
    expect(board!.offers.map((offer) => [offer.request.id, offer.residenceId])).toEqual([
      [anyCity.id, residences[0]!.id],
    ]);
    await decideHousingRequest(
      correspondent,
      {
        housingRequestId: anyCity.id,
        expectedStatus: "WAITLISTED",
        decision: "ACCEPTED",
        residenceId: residences[0]!.id,
      },
      "r",
    );
    expect((await getHousingBoard(correspondent, { round: round.id }))!.offers).toHaveLength(0);
  });
});

describe("allocation suggestion", () => {
  it("proposes within capacity, and confirming applies exactly what was shown", async () => {
    const { round, residences } = await roundWithRooms([
      { city: "AIX", rooms: 2 },
      { city: "MARSEILLE", rooms: 1 },
    ]);
    const requests = [];
    for (let i = 0; i < 5; i++) requests.push(await requestIn(round.id, 50 - i));
    const suggestion = await suggestHousingAllocation(correspondent, round.id);
    expect(suggestion.proposals.filter((proposal) => proposal.decision === "ACCEPTED")).toHaveLength(3);
    expect(suggestion.proposals[0]!.housingRequestId).toBe(requests[0]!.id); // first come
    expect(await db.housingRequest.count({ where: { roundId: round.id, status: "PENDING" } })).toBe(5); // nothing written yet

    await confirmHousingSuggestion(correspondent, { roundId: round.id, fingerprint: suggestion.fingerprint }, "r");
    const after = await db.housingRequest.findMany({ where: { roundId: round.id }, orderBy: { requestedAt: "asc" } });
    expect(after.map((request) => request.status)).toEqual([
      "ACCEPTED",
      "ACCEPTED",
      "ACCEPTED",
      "WAITLISTED",
      "WAITLISTED",
    ]);
    expect(after.slice(3).map((request) => request.waitlistPosition)).toEqual([1, 2]);
    for (const residence of residences) {
      const rooms = residence.city === "AIX" ? 2 : 1;
      expect(await db.housingRequest.count({ where: { residenceId: residence.id, status: "ACCEPTED" } })).toBe(rooms);
    }
    expect(
      await db.auditEvent.count({
        where: { entityId: { in: after.map((request) => request.id) }, action: { startsWith: "housing." } },
      }),
    ).toBe(5);
  });

  it("refuses to confirm a suggestion the data no longer matches, and writes nothing", async () => {
    const { round } = await roundWithRooms([{ city: "AIX", rooms: 1 }]);
    await requestIn(round.id, 5);
    const suggestion = await suggestHousingAllocation(correspondent, round.id);
    await requestIn(round.id, 60); // an earlier request arrives: the suggestion changed
    await expect(
      confirmHousingSuggestion(correspondent, { roundId: round.id, fingerprint: suggestion.fingerprint }, "r"),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await db.housingRequest.count({ where: { roundId: round.id, status: { not: "PENDING" } } })).toBe(0);
  });

  it("a correspondent's suggestion covers only their faculties' requests", async () => {
    const { round } = await roundWithRooms([{ city: "AIX", rooms: 5 }]);
    await requestIn(round.id, 5);
    await requestIn(round.id, 4, otherComponent.id);
    expect((await suggestHousingAllocation(correspondent, round.id)).proposals).toHaveLength(1);
    await expect(
      suggestHousingAllocation(correspondent, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toBeInstanceOf(DomainError);
  });
});

describe("the board's search, filters and pages (issue 21)", () => {
  /** Five requests a minute apart, the oldest first; their students' search text is their names. */
  async function fiveRequests() {
    const { round } = await roundWithRooms([{ city: "AIX", rooms: 1 }]);
    const cities = ["AIX", "MARSEILLE", "NO_PREFERENCE", "AIX", "MARSEILLE"] as const;
    const requests = [];
    for (const [index, city] of cities.entries()) {
      const request = await requestIn(round.id, 50 - index, component.id, city);
      await db.application.update({
        where: { id: request.applicationId },
        data: { searchText: `hou sing${50 - index} student${index}@uni.example` },
      });
      requests.push(request);
    }
    return { round, ids: requests.map((request) => request.id) };
  }
  const idsOf = (board: Awaited<ReturnType<typeof getHousingBoard>>) => board!.requests.map((request) => request.id);

  it("pages through the requests first come first, then newest first, each once", async () => {
    const { round, ids } = await fiveRequests();
    const first = await getHousingBoard(correspondent, { round: round.id }, 2);
    expect(idsOf(first)).toEqual(ids.slice(0, 2));
    const second = await getHousingBoard(correspondent, { round: round.id, after: first!.nextCursor! }, 2);
    expect(idsOf(second)).toEqual(ids.slice(2, 4));
    const third = await getHousingBoard(correspondent, { round: round.id, after: second!.nextCursor! }, 2);
    expect(idsOf(third)).toEqual(ids.slice(4));
    expect(third!.nextCursor).toBeNull();

    const newest = await getHousingBoard(correspondent, { round: round.id, sort: "newest" }, 3);
    expect(idsOf(newest)).toEqual([...ids].reverse().slice(0, 3));
    // A cursor that is not one starts over rather than failing.
    expect(idsOf(await getHousingBoard(correspondent, { round: round.id, after: "not-a-cursor" }, 2))).toEqual(
      ids.slice(0, 2),
    );
  });

  it("finds a student by name or e-mail, and filters on the city wished and the decision", async () => {
    const { round, ids } = await fiveRequests();
    expect(idsOf(await getHousingBoard(correspondent, { round: round.id, q: "SING48" }))).toEqual([ids[2]]);
    expect(idsOf(await getHousingBoard(correspondent, { round: round.id, q: "student4@" }))).toEqual([ids[4]]);
    expect(idsOf(await getHousingBoard(correspondent, { round: round.id, city: "AIX" }))).toEqual([ids[0], ids[3]]);
    expect(idsOf(await getHousingBoard(correspondent, { round: round.id, status: "ACCEPTED" }))).toEqual([]);
    // The search stays within the viewer's faculties.
    expect(idsOf(await getHousingBoard(outsider, { round: round.id, q: "sing" }))).toEqual([]);
  });
});
