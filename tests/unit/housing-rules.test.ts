import { describe, expect, it } from "vitest";
import {
  canDecide,
  hasFreeRoom,
  nextOnWaitlist,
  type OpenRequest,
  type ResidenceRooms,
  suggestAllocation,
} from "@/lib/housing/board/rules";
import { arrivalSemester, reopenReason } from "@/lib/housing/rules";
import { reservationConfirmed } from "@/lib/housing/student/rules";

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 10, minutes));
const request = (
  id: string,
  minutes: number,
  cityPreference: OpenRequest["cityPreference"] = "NO_PREFERENCE",
  rank: number | null = null,
): OpenRequest => ({ id, requestedAt: at(minutes), cityPreference, rank });
const residence = (id: string, city: ResidenceRooms["city"], free: number): ResidenceRooms => ({
  id,
  name: id,
  city,
  free,
});

describe("R-HOU-3 arrival semester", () => {
  it.each([
    ["S1", "S1"],
    ["FULL_YEAR", "S1"],
    ["S2", "S2"],
  ] as const)("%s arrives in %s", (period, semester) => expect(arrivalSemester(period)).toBe(semester));
});

describe("capacity and decisions", () => {
  it.each([
    [3, 2, true],
    [3, 3, false],
    [0, 0, false], // zero capacity
  ])("%i rooms, %i accepted → free: %s", (rooms, accepted, free) => expect(hasFreeRoom(rooms, accepted)).toBe(free));

  it.each([
    ["PENDING", "ACCEPTED", false, true],
    ["ACCEPTED", "REFUSED", false, true],
    ["REFUSED", "WAITLISTED", false, true],
    ["PENDING", "ACCEPTED", true, true], // a request made after the release is decided (and mailed at once)…
    ["PENDING", "WAITLISTED", true, true],
    ["PENDING", "REFUSED", true, true],
    ["ACCEPTED", "REFUSED", true, false], // …but a released decision does not change
    ["REFUSED", "ACCEPTED", true, false],
    ["ACCEPTED", "WAITLISTED", true, false],
    ["WAITLISTED", "ACCEPTED", true, true], // the waitlist moves
    ["WAITLISTED", "REFUSED", true, true],
    ["DECLINED", "ACCEPTED", false, false],
    ["WITHDRAWN", "ACCEPTED", false, false],
  ] as const)("%s → %s (released %s): allowed %s", (from, to, released, allowed) =>
    expect(canDecide(from, to, released)).toBe(allowed),
  );
});

describe("R-HOU-4/5 reservation", () => {
  const all = ["registered", "accommodationRequested", "depositPaid"] as const;
  it.each([
    [[...all], at(0), true],
    [[...all], null, false],
    [["registered", "accommodationRequested"], at(0), false],
    [[], at(0), false],
  ] as const)("steps %j, commitments %s → confirmed %s", (steps, accepted, confirmed) => {
    expect(reservationConfirmed({ interlogDone: [...steps], commitmentsAcceptedAt: accepted })).toBe(confirmed);
  });
});

describe("allocation suggestion", () => {
  it("first come: earlier submissions get the rooms, the rest are waitlisted in order", () => {
    const proposals = suggestAllocation(
      [request("c", 3), request("a", 1), request("b", 2)],
      [residence("R1", "AIX", 2)],
      "FIRST_COME",
    );
    expect(proposals.map((p) => [p.housingRequestId, p.decision])).toEqual([
      ["a", "ACCEPTED"],
      ["b", "ACCEPTED"],
      ["c", "WAITLISTED"],
    ]);
    expect(proposals[2]!.reason).toEqual({ key: "noRoomAtAll", position: 3, waitlistPosition: 1 });
    expect(proposals[0]!.reason).toMatchObject({ key: "accepted", position: 1, residence: "R1", left: 1 });
  });

  it("ranking: rank first, unranked after the ranked, ties by submission time then id", () => {
    const requests = [
      request("late-first", 9, "NO_PREFERENCE", 1),
      request("early-unranked", 0),
      request("tie-b", 5, "NO_PREFERENCE", 2),
      request("tie-a", 5, "NO_PREFERENCE", 2),
    ];
    const order = suggestAllocation(requests, [residence("R", "MARSEILLE", 10)], "RANKING").map(
      (p) => p.housingRequestId,
    );
    expect(order).toEqual(["late-first", "tie-a", "tie-b", "early-unranked"]);
  });

  it("same submission second: the id decides, so the result never depends on the input order", () => {
    const one = suggestAllocation([request("b", 1), request("a", 1)], [residence("R", "AIX", 1)], "FIRST_COME");
    const two = suggestAllocation([request("a", 1), request("b", 1)], [residence("R", "AIX", 1)], "FIRST_COME");
    expect(one).toEqual(two);
    expect(one[0]).toMatchObject({ housingRequestId: "a", decision: "ACCEPTED" });
  });

  it("respects the city wished, and says when the other city still had rooms", () => {
    const proposals = suggestAllocation(
      [request("m1", 1, "MARSEILLE"), request("m2", 2, "MARSEILLE"), request("any", 3)],
      [residence("Aix", "AIX", 1), residence("Mrs", "MARSEILLE", 1)],
      "FIRST_COME",
    );
    expect(proposals.map((p) => [p.housingRequestId, p.decision, p.residenceId])).toEqual([
      ["m1", "ACCEPTED", "Mrs"],
      ["m2", "WAITLISTED", null],
      ["any", "ACCEPTED", "Aix"],
    ]);
    expect(proposals[1]!.reason.key).toBe("noRoomInCity");
  });

  it("fills the residence with the most free rooms first (balance), ties by name", () => {
    const proposals = suggestAllocation(
      [request("a", 1), request("b", 2), request("c", 3)],
      [residence("Beta", "AIX", 1), residence("Alpha", "AIX", 2)],
      "FIRST_COME",
    );
    expect(proposals.map((p) => p.residenceId)).toEqual(["Alpha", "Alpha", "Beta"]);
  });

  it.each([
    ["zero capacity everywhere", [residence("R", "AIX", 0)]],
    ["no residence at all", []],
  ])("%s: everyone waitlisted", (_label, residences) => {
    const proposals = suggestAllocation([request("a", 1), request("b", 2)], residences, "FIRST_COME");
    expect(proposals.map((p) => [p.decision, p.reason.key])).toEqual([
      ["WAITLISTED", "noRoomAtAll"],
      ["WAITLISTED", "noRoomAtAll"],
    ]);
  });

  it("never proposes more rooms than are free", () => {
    const requests = Array.from({ length: 500 }, (_, i) =>
      request(`r${String(i).padStart(3, "0")}`, i, i % 3 === 0 ? "AIX" : i % 3 === 1 ? "MARSEILLE" : "NO_PREFERENCE"),
    );
    const residences = [residence("A", "AIX", 40), residence("B", "MARSEILLE", 30), residence("C", "MARSEILLE", 0)];
    const proposals = suggestAllocation(requests, residences, "FIRST_COME");
    for (const r of residences)
      expect(proposals.filter((p) => p.residenceId === r.id).length).toBeLessThanOrEqual(r.free);
    expect(proposals.filter((p) => p.decision === "ACCEPTED")).toHaveLength(70);
  });
});

describe("waitlist", () => {
  const waiting = [
    { id: "w2", waitlistPosition: 2, requestedAt: at(0), cityPreference: "NO_PREFERENCE" as const },
    { id: "w1", waitlistPosition: 1, requestedAt: at(5), cityPreference: "AIX" as const },
    { id: "w3", waitlistPosition: 3, requestedAt: at(1), cityPreference: "MARSEILLE" as const },
  ];
  it.each([
    ["AIX", "w1"],
    ["MARSEILLE", "w2"],
  ] as const)("a room freed in %s goes to %s", (city, expected) =>
    expect(nextOnWaitlist(waiting, city)?.id).toBe(expected),
  );
  it("nobody for the city: nothing", () => expect(nextOnWaitlist([waiting[1]!], "MARSEILLE")).toBeUndefined());
});

describe("R-HOU-1 a resubmission that moves a decided request sends it back to pending", () => {
  const same = { roundId: "s1", cityPreference: "MARSEILLE" } as const;
  const otherRound = { roundId: "s2", cityPreference: "MARSEILLE" } as const;
  const otherCity = { roundId: "s1", cityPreference: "AIX" } as const;
  it.each([
    ["ACCEPTED", otherRound, "round"],
    ["WAITLISTED", otherRound, "round"], // its waitlist place is in the old round
    ["REFUSED", otherRound, "round"], // refused for the other semester's rooms
    ["ACCEPTED", otherCity, "city"], // the residence is in the old city
    ["WAITLISTED", otherCity, null], // the waitlist follows the new city
    ["REFUSED", otherCity, null],
    ["ACCEPTED", same, null], // needs only: the room stays
    ["PENDING", otherRound, null], // nothing to take back
    ["DECLINED", otherRound, null], // the student's own doing
  ] as const)("%s, moved to %j → %s", (status, next, expected) =>
    expect(reopenReason({ status, roundId: "s1", cityPreference: "MARSEILLE" }, next)).toBe(expected),
  );
});
