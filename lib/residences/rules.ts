/**
 * Pure rules of residences and their rooms (R-HOU-1). No I/O: the service loads the facts,
 * these functions decide.
 */
import { academicYearOf } from "@/lib/academic-year";

/** The academic years whose rooms an admin sets: the current one and the next (requests are made a year ahead). */
export function capacityYears(now: Date): [number, number] {
  const current = academicYearOf(now);
  return [current, current + 1];
}

/**
 * R-HOU-1: a room is never promised twice. The rooms of a residence for one semester may not
 * go below the requests already accepted there: the accepted students keep their room.
 */
export function roomsCoverAccepted(rooms: number, accepted: number): boolean {
  return rooms >= accepted;
}
