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
