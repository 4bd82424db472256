/**
 * Pure rules of housing release rounds (R-HOU-3). No I/O. The default dates come from
 * lib/housing/rules.ts (July 1 for semester 1, December 1 for semester 2).
 */
import type { Semester } from "@/lib/generated/prisma/enums";
import { parisDay, parisInstant } from "@/lib/paris-time";

/**
 * R-HOU-3: decisions are released in July for semester-1 arrivals and in December for
 * semester-2 arrivals. These are the default dates of a new round; the dates themselves are
 * data that staff may change per academic year. Noon UTC, so the day is the same in Paris.
 */
export function defaultReleaseDate(academicYear: number, semester: Semester): Date {
  return semester === "S1" ? new Date(Date.UTC(academicYear, 6, 1, 12)) : new Date(Date.UTC(academicYear, 11, 1, 12));
}

/** R-HOU-3 (portal choice): staff record decisions early; the student sees them once released. */
export function isDecisionVisible(round: { releasedAt: Date | null }): boolean {
  return round.releasedAt !== null;
}

/**
 * R-HOU-3: a release date is a day in Paris, and the round opens at 00:00 in Paris that day —
 * not at the stored instant (noon UTC, i.e. 13:00 or 14:00 in Paris).
 */
export function releaseOpensAt(releaseAt: Date): Date {
  return parisInstant(parisDay(releaseAt), "00:00");
}

/** A round can be released from its day on (00:00 in Paris), once. */
export function canRelease(round: { releaseAt: Date; releasedAt: Date | null }, now: Date): boolean {
  return round.releasedAt === null && now.getTime() >= releaseOpensAt(round.releaseAt).getTime();
}

/**
 * A release date is a day. It is stored at noon UTC, as the default dates are, so that the
 * day is the same in Paris whatever the season. Null when `day` is not a real YYYY-MM-DD date.
 */
export function releaseDateFromDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(Date.UTC(year, month - 1, date, 12));
  return value.getUTCFullYear() === year && value.getUTCMonth() === month - 1 && value.getUTCDate() === date
    ? value
    : null;
}

/** The day (YYYY-MM-DD) a release date falls on in Paris: what a date input shows. */
export function releaseDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
}

/** The date input's default for a new round: July 1 (S1) or December 1 (S2), R-HOU-3. */
export function defaultReleaseDay(academicYear: number, semester: Semester): string {
  return releaseDay(defaultReleaseDate(academicYear, semester));
}

/**
 * R-HOU-3 (portal choice): decisions are released before the arrival, within the academic
 * year's span: from January 1 of its first calendar year to June 30 of its second. This
 * catches a date typed for the wrong year without constraining the dates staff choose.
 */
export function releaseDateInRange(academicYear: number, releaseAt: Date): boolean {
  const day = releaseDay(releaseAt);
  return day >= `${academicYear}-01-01` && day <= `${academicYear + 1}-06-30`;
}

/** R-HOU-3: once released, decisions are visible to students; the round's date and policy no longer change. */
export function canEditRound(round: { releasedAt: Date | null }): boolean {
  return round.releasedAt === null;
}

/**
 * The round a new-round form proposes: the first of the current and next academic years'
 * semesters that has no round yet, or the current year's first semester when all exist.
 */
export function nextMissingRound(
  existing: { academicYear: number; semester: Semester }[],
  currentYear: number,
): { academicYear: number; semester: Semester } {
  const candidates = [currentYear, currentYear + 1].flatMap((academicYear) =>
    (["S1", "S2"] as const).map((semester) => ({ academicYear, semester })),
  );
  const has = (candidate: { academicYear: number; semester: Semester }) =>
    existing.some((round) => round.academicYear === candidate.academicYear && round.semester === candidate.semester);
  return candidates.find((candidate) => !has(candidate)) ?? candidates[0]!;
}
