import type { CefrLevel, IntegrationSignupStatus } from "@/lib/generated/prisma/enums";

/**
 * The integration week (R-INT-1): who gets a seat, who waits, who moves up, who is invited.
 * Pure: the service applies these under a lock on the session's row.
 */

/** R-INT-1: a seat while the session has one, otherwise the waiting list. */
export function placeFor(confirmed: number, capacity: number): IntegrationSignupStatus {
  return confirmed < capacity ? "CONFIRMED" : "WAITLISTED";
}

type Waiting = { id: string; createdAt: Date };

/**
 * R-INT-1: the waiting students who move up when `freeSeats` seats are free, first come first
 * served (ties on the same instant broken by id, so the order never depends on the database).
 */
export function movesUp<T extends Waiting>(waiting: readonly T[], freeSeats: number): T[] {
  if (freeSeats <= 0) return [];
  return [...waiting]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .slice(0, freeSeats);
}

const belowB2: readonly CefrLevel[] = ["A1", "A2", "B1"];

/**
 * R-ELI-3, R-INT-1: students below B2 in French (or who did not say) are invited explicitly;
 * every accepted student may sign up.
 */
export function isInvitedToIntegrationWeek(frenchLevel: CefrLevel | null): boolean {
  return frenchLevel === null || belowB2.includes(frenchLevel);
}

/** A session can be joined until the day it starts (Europe/Paris calendar days, "YYYY-MM-DD"). */
export function isOpenForSignUp(startsOn: string, today: string): boolean {
  return today < startsOn;
}
