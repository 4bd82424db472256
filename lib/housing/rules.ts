/**
 * The pure rules every part of housing shares (R-HOU-1…7); each sub-feature keeps its own in
 * its rules.ts. No I/O: the services load the facts, these functions decide.
 */

import type { HousingCity, HousingStatus, ResidenceCity, Semester, StudyPeriod } from "@/lib/generated/prisma/enums";

/** A residence's city; a request may also have no preference (HousingCity). */
export type City = ResidenceCity;
export type CityPreference = HousingCity;
/** What staff decide on a request; DECLINED and WITHDRAWN are the student's own doing. */
export type HousingDecision = Extract<HousingStatus, "PENDING" | "ACCEPTED" | "WAITLISTED" | "REFUSED">;

/** R-HOU-3: a full year or a first-semester stay arrives in semester 1. */
export function arrivalSemester(period: StudyPeriod): Semester {
  return period === "S2" ? "S2" : "S1";
}

/** Why a resubmission sent a decided request back to pending. */
export type ReopenReason = "round" | "city";

/**
 * R-HOU-1: a room is held within one round's capacity. A resubmission that moves the request to
 * another round (the arrival semester changed) takes it out of the round its decision was made
 * in: any staff decision goes, and the request is pending in the new round. A change of city
 * gives up an accepted room (its residence is in the old city). A pending request has nothing
 * to lose; a declined or withdrawn one is the student's own doing.
 */
export function reopenReason(
  current: { status: HousingStatus; roundId: string; cityPreference: CityPreference },
  next: { roundId: string; cityPreference: CityPreference },
): ReopenReason | null {
  const decided = current.status === "ACCEPTED" || current.status === "WAITLISTED" || current.status === "REFUSED";
  if (decided && current.roundId !== next.roundId) return "round";
  if (current.status === "ACCEPTED" && current.cityPreference !== next.cityPreference) return "city";
  return null;
}
