import type { HousingCity, ResidenceCity, SponsorStatus, StudyPeriod } from "@/lib/generated/prisma/enums";
import { daysBetween } from "@/lib/paris-time";

/**
 * The sponsorship programme's rules (R-INT-3, R-INT-5…8): who may be matched with whom, how well,
 * and what a sponsor may see. Pure: the suggestion solver and the services apply them.
 */

/** R-INT-5: a sponsor takes 1 to 3 students. */
export const sponsorCapacityBounds = { min: 1, max: 3 } as const;

/** The versions of the texts people agree to; a new text gets a new version. */
export const sponsorCharterVersion = "2026-11";
export const sponsorshipConsentVersion = "2026-11";

/**
 * R-INT-6: exactly the fields of a student a sponsor sees (never passport, visa, housing,
 * documents); the name and e-mail only once the match is confirmed (R-INT-8).
 */
export const fieldsShownToSponsor = [
  "firstName",
  "country",
  "component",
  "studyLevel",
  "languages",
  "interests",
  "arrivalDate",
] as const;

export interface MatchStudent {
  id: string;
  componentId: string | null;
  /** Where they will study; NO_PREFERENCE or unknown passes every city. */
  city: HousingCity | null;
  languages: readonly string[];
  interests: readonly string[];
  /** "YYYY-MM-DD", or null while not known. */
  arrivalDate: string | null;
}

export interface MatchSponsor {
  id: string;
  componentId: string;
  city: ResidenceCity;
  languages: readonly string[];
  interests: readonly string[];
  /** Places left: the declared capacity less the students already confirmed. */
  remaining: number;
}

/** R-INT-7: the weights of the preferences (points); the hard filters are not weighted. */
export const matchWeights = {
  firstSharedLanguage: 40,
  eachFurtherSharedLanguage: 10,
  sameFaculty: 30,
  eachSharedInterest: 5,
  sharedInterestsCap: 20,
  /** Arriving soon: up to this many points, one fewer per week until arrival. */
  arrivalSoonMax: 10,
} as const;

/**
 * The entries two short lists share, sorted. Plain loops: called for every pair of a semester
 * (millions), on lists of a few codes already lower-cased by the schemas.
 */
function shared(a: readonly string[], b: readonly string[]): string[] {
  const common: string[] = [];
  for (const entry of a) if (b.includes(entry) && !common.includes(entry)) common.push(entry);
  return common.sort();
}

function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (const entry of a) if (b.includes(entry)) return true;
  return false;
}

/** Why a pair was suggested: the parts of its score, for the one-line explanation. */
export interface MatchReason {
  languages: string[];
  sameFaculty: boolean;
  interests: string[];
  /** Days from the reference day to arrival, when known and not past. */
  arrivesInDays: number | null;
}

/**
 * R-INT-7: the hard filters. The same city (a student with no preference fits anywhere) and
 * at least one language in common: a pair who cannot talk to each other is no match.
 */
export function isEligiblePair(student: MatchStudent, sponsor: MatchSponsor): boolean {
  if (student.city === "AIX" || student.city === "MARSEILLE") {
    if (student.city !== sponsor.city) return false;
  }
  return sharesAny(student.languages, sponsor.languages);
}

/** Days until the student arrives, when known and not past (computed once per student). */
export function daysUntilArrival(student: Pick<MatchStudent, "arrivalDate">, today: string): number | null {
  if (!student.arrivalDate) return null;
  const days = daysBetween(today, student.arrivalDate);
  return days >= 0 ? days : null;
}

/** R-INT-7: the weighted preferences of an eligible pair, with the reasons. */
export function scorePair(
  student: MatchStudent,
  sponsor: MatchSponsor,
  arrivesInDays: number | null,
): { score: number; reason: MatchReason } {
  const languages = shared(student.languages, sponsor.languages);
  const interests = shared(student.interests, sponsor.interests);
  const sameFaculty = student.componentId !== null && student.componentId === sponsor.componentId;
  const w = matchWeights;
  const score =
    (languages.length > 0 ? w.firstSharedLanguage + w.eachFurtherSharedLanguage * (languages.length - 1) : 0) +
    (sameFaculty ? w.sameFaculty : 0) +
    Math.min(w.sharedInterestsCap, w.eachSharedInterest * interests.length) +
    (arrivesInDays !== null ? Math.max(0, w.arrivalSoonMax - Math.floor(arrivesInDays / 7)) : 0);
  return { score, reason: { languages, sameFaculty, interests, arrivesInDays } };
}

/** R-INT-5: an approved sponsor with a place left can take one more student. */
export function canTakeStudent(sponsor: { status: SponsorStatus; capacity: number }, matched: number): boolean {
  return sponsor.status === "APPROVED" && matched < sponsor.capacity;
}

/** R-INT-9: unmatched this close to arrival, the correspondent is told. */
export const unmatchedWarningDays = 14;

export function isUnmatchedTooClose(arrivalDate: string | null, today: string): boolean {
  if (!arrivalDate) return false;
  const days = daysBetween(today, arrivalDate);
  return days >= 0 && days <= unmatchedWarningDays;
}

/**
 * R-INT-9: when a sponsorship is over, for the retention job: the semester-1 students' at the
 * start of February, everyone else's at the end of the academic year (1 September).
 */
export function sponsorshipEndsOn(academicYear: number, period: StudyPeriod | null): string {
  return period === "S1" ? `${academicYear + 1}-02-01` : `${academicYear + 1}-09-01`;
}
