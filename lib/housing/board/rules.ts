/**
 * Pure rules of the staff's housing board (R-HOU-1, R-HOU-3): who may decide what, capacity,
 * the allocation suggestion and the waitlist. No I/O.
 */
import type { AllocationPolicy, HousingStatus } from "@/lib/generated/prisma/enums";
import type { City, CityPreference, HousingDecision } from "@/lib/housing/rules";

/**
 * Staff decide freely until the release (R-HOU-3). Afterwards a released decision stays, the
 * waitlist moves, and a request still pending (made after the release, or sent back to pending
 * by a resubmission) gets its first decision, mailed at once: rooms are offered as they free up.
 */
export function canDecide(current: HousingStatus, next: HousingDecision, released: boolean): boolean {
  if (current === "DECLINED" || current === "WITHDRAWN") return false;
  if (!released) return next !== "PENDING" || current !== "PENDING";
  if (current === "PENDING") return next !== "PENDING";
  return current === "WAITLISTED" && (next === "ACCEPTED" || next === "REFUSED");
}

/** Capacity is never exceeded: a room is free while accepted requests are fewer than rooms. */
export function hasFreeRoom(rooms: number, accepted: number): boolean {
  return accepted < rooms;
}

export interface OpenRequest {
  id: string;
  cityPreference: CityPreference;
  /** When the application was (first) submitted: the first-come order. */
  requestedAt: Date;
  /** Staff's ranking (1 = first), for the RANKING policy; null = unranked (after the ranked). */
  rank: number | null;
}

export interface ResidenceRooms {
  id: string;
  name: string;
  city: City;
  /** Rooms still free in the round (capacity minus accepted). */
  free: number;
}

export type Proposal =
  | {
      housingRequestId: string;
      decision: "ACCEPTED";
      residenceId: string;
      reason: { key: "accepted"; position: number; residence: string; left: number };
    }
  | {
      housingRequestId: string;
      decision: "WAITLISTED";
      residenceId: null;
      reason: { key: "noRoomInCity" | "noRoomAtAll"; position: number; waitlistPosition: number };
    };

function order(policy: AllocationPolicy) {
  return (a: OpenRequest, b: OpenRequest) => {
    if (policy === "RANKING") {
      const rankA = a.rank ?? Number.POSITIVE_INFINITY;
      const rankB = b.rank ?? Number.POSITIVE_INFINITY;
      if (rankA !== rankB) return rankA - rankB;
    }
    // Ties (same rank, or same second) go to the earlier submission, then to the id: stable.
    return a.requestedAt.getTime() - b.requestedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

/**
 * Proposes a decision for every open request of a round, within the rooms left (R-HOU-1): in
 * the policy's order, each request gets a room in its preferred city (any city without
 * preference), in the residence with the most free rooms; when none is left it is waitlisted,
 * in that same order. Each proposal carries its one-line reason. Linear in requests ×
 * residences: 20,000 × 50 in milliseconds (measured in tests/bench/).
 */
export function suggestAllocation(
  requests: OpenRequest[],
  residences: ResidenceRooms[],
  policy: AllocationPolicy,
): Proposal[] {
  const free = residences.map((residence) => ({ ...residence }));
  const sorted = [...requests].sort(order(policy));
  const proposals: Proposal[] = [];
  let waitlisted = 0;
  sorted.forEach((request, index) => {
    const position = index + 1;
    let best: (typeof free)[number] | undefined;
    for (const residence of free) {
      if (residence.free <= 0) continue;
      if (request.cityPreference !== "NO_PREFERENCE" && residence.city !== request.cityPreference) continue;
      if (!best || residence.free > best.free || (residence.free === best.free && residence.name < best.name))
        best = residence;
    }
    if (best) {
      best.free -= 1;
      proposals.push({
        housingRequestId: request.id,
        decision: "ACCEPTED",
        residenceId: best.id,
        reason: { key: "accepted", position, residence: best.name, left: best.free },
      });
    } else {
      waitlisted += 1;
      const anyLeft = free.some((residence) => residence.free > 0);
      proposals.push({
        housingRequestId: request.id,
        decision: "WAITLISTED",
        residenceId: null,
        reason: { key: anyLeft ? "noRoomInCity" : "noRoomAtAll", position, waitlistPosition: waitlisted },
      });
    }
  });
  return proposals;
}

/**
 * The waitlisted request a freed room goes to: among those who would live in its city, by
 * waitlist position, then submission time.
 */
export function nextOnWaitlist<
  T extends { waitlistPosition: number | null; requestedAt: Date; id: string; cityPreference: CityPreference },
>(waitlisted: T[], roomCity: City): T | undefined {
  return waitlisted
    .filter((request) => request.cityPreference === "NO_PREFERENCE" || request.cityPreference === roomCity)
    .sort(
      (a, b) =>
        (a.waitlistPosition ?? Number.POSITIVE_INFINITY) - (b.waitlistPosition ?? Number.POSITIVE_INFINITY) ||
        a.requestedAt.getTime() - b.requestedAt.getTime() ||
        (a.id < b.id ? -1 : 1),
    )[0];
}
