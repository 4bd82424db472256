import { academicYearOf } from "@/lib/academic-year";
import type { AmiGrantStatus, AmiStatus } from "@/lib/generated/prisma/enums";

/**
 * The international mobility grant (aide à la mobilité internationale), R-AMI-1…4: pure rules,
 * no I/O. Dates are calendar days (UTC midnight, as Prisma reads a `@db.Date`). Money is in cents.
 *
 * Written choices (R-AMI-5, docs/rules.md):
 * - A stay's length: whole months counted from the start date (1 March → 31 March is one; a
 *   start on the 31st steps to the last day of shorter months), then the days left over. It is
 *   eligible from one whole month to 10 whole months exactly (R-AMI-1).
 * - Months paid: the whole months, and one more for 15 days or more left over (none below).
 * - The academic year whose figures apply is the one the start date falls in (1 September).
 * - Supplements are each added once to an application they apply to, not per month.
 * - The most consecutive months of one stay is the year's cap, like the lifetime cap (both 10).
 * - The months that count towards the cap are those of every application submitted and not
 *   refused (granted, under review or sent back for changes): two submissions cannot both use
 *   the same months left.
 */

/** R-AMI-3: the age the student must be under on the start date, unless they have a disability. */
export const ageLimitYears = 28;
/** R-AMI-4: how long before departure an application should reach the office. */
export const noticeMonths = 6;
/** R-AMI-5: days left over after whole months that count as one more month. */
export const partialMonthMinDays = 15;
/** Social-criteria grant levels (échelons) that open the supplement (R-AMI-3). */
export const supplementGrantLevels: readonly number[] = [6, 7];

/** The figures of one academic year, as the office sets them (AmiYearRate). */
export interface AmiYearFigures {
  academicYear: number;
  monthlyRateCents: number;
  lifetimeCapMonths: number;
  grantLevelSupplementCents: number | null;
  disabilitySupplementCents: number | null;
  ruralAreaSupplementCents: number | null;
  priorityUrbanAreaSupplementCents: number | null;
}

export interface AmiSituation {
  grantStatus: AmiGrantStatus;
  grantLevel: number | null;
  disability: boolean;
  ruralArea: boolean;
  priorityUrbanArea: boolean;
}

export interface AmiStay {
  startDate: Date;
  endDate: Date;
}

const dayMs = 86_400_000;

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The same day `months` later, on the month's last day when it has fewer days (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const target = new Date(Date.UTC(year, month, 1));
  const day = Math.min(date.getUTCDate(), daysInMonth(target.getUTCFullYear(), target.getUTCMonth()));
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), day));
}

/** A stay's length: whole months from the start date, then the days left over (both ends included). */
export interface StayLength {
  wholeMonths: number;
  extraDays: number;
}

/** R-AMI-1, R-AMI-5: how long a stay lasts. A stay ending before it starts lasts nothing. */
export function measureStay(stay: AmiStay): StayLength {
  const end = utcDay(stay.endDate);
  if (end < utcDay(stay.startDate)) return { wholeMonths: 0, extraDays: 0 };
  let wholeMonths = 0;
  // A whole month k ends the day before the same date k months later.
  while (utcDay(addMonths(stay.startDate, wholeMonths + 1)) - dayMs <= end) wholeMonths++;
  const extraDays = Math.round((end - utcDay(addMonths(stay.startDate, wholeMonths))) / dayMs) + 1;
  return { wholeMonths, extraDays };
}

/** R-AMI-5: the months a stay is paid for: its whole months, and one more for 15 days or more left over. */
export function countMonths(stay: AmiStay): number {
  const { wholeMonths, extraDays } = measureStay(stay);
  return wholeMonths + (extraDays >= partialMonthMinDays ? 1 : 0);
}

/**
 * R-AMI-1: a stay lasts from 1 to `maxMonths` consecutive months: at least one whole month,
 * and not a day beyond `maxMonths` whole months (10 months and 1 day is too long).
 */
export function isDurationAllowed(length: StayLength, maxMonths: number): boolean {
  return (
    length.wholeMonths >= 1 &&
    (length.wholeMonths < maxMonths || (length.wholeMonths === maxMonths && length.extraDays === 0))
  );
}

/** Whole years of age on a day (someone born on 29 February turns a year older on 1 March). */
export function ageOn(birthDate: Date, day: Date): number {
  const years = day.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    day.getUTCMonth() < birthDate.getUTCMonth() ||
    (day.getUTCMonth() === birthDate.getUTCMonth() && day.getUTCDate() < birthDate.getUTCDate());
  return beforeBirthday ? years - 1 : years;
}

/** R-AMI-2: the academic year whose rate applies to a stay. */
export function amiAcademicYear(stay: AmiStay): number {
  return academicYearOf(new Date(utcDay(stay.startDate) + 12 * 3_600_000));
}

/** Two stays share at least one day. */
export function staysOverlap(a: AmiStay, b: AmiStay): boolean {
  return utcDay(a.startDate) <= utcDay(b.endDate) && utcDay(b.startDate) <= utcDay(a.endDate);
}

/** R-AMI-4: the application reached the office at least six months before departure. */
export function isInTime(submittedOn: Date, startDate: Date): boolean {
  return utcDay(submittedOn) <= utcDay(addMonths(startDate, -noticeMonths));
}

export type AmiCheckName = "grantHolder" | "curriculum" | "duration" | "age" | "lifetimeCap" | "overlap" | "notice";

/** One rule's verdict, as the office's queue and the student's page show it. */
export interface AmiCheck {
  name: AmiCheckName;
  met: boolean;
  /** A check not met that only flags the application (R-AMI-4), never refuses it. */
  flagOnly: boolean;
}

export interface AmiEligibilityInput extends AmiStay, AmiSituation {
  partOfCurriculum: boolean;
  birthDate: Date;
  /** The day the application is (or was) submitted. */
  submittedOn: Date;
  /** Every other application of the student that counts towards the cap (see above). */
  otherStays: readonly (AmiStay & { months: number })[];
  lifetimeCapMonths: number;
}

export interface AmiEligibility {
  eligible: boolean;
  /** Submitted less than six months before departure: shown to the office, not refused. */
  late: boolean;
  length: StayLength;
  /** The months paid (countMonths). */
  months: number;
  monthsUsed: number;
  /** Months the student may still receive before this application (never negative). */
  monthsLeft: number;
  checks: AmiCheck[];
}

/** Whether a social-criteria grant or the annual allowance is held (R-AMI-1). */
export function holdsGrant(situation: Pick<AmiSituation, "grantStatus">): boolean {
  return situation.grantStatus === "SOCIAL_GRANT" || situation.grantStatus === "ANNUAL_ALLOWANCE";
}

/** R-AMI-1, R-AMI-3, R-AMI-4: every rule's verdict on an application. */
export function checkEligibility(input: AmiEligibilityInput): AmiEligibility {
  const length = measureStay(input);
  const months = countMonths(input);
  const monthsUsed = input.otherStays.reduce((sum, stay) => sum + stay.months, 0);
  const monthsLeft = Math.max(0, input.lifetimeCapMonths - monthsUsed);
  const underAge = ageOn(input.birthDate, input.startDate) < ageLimitYears;
  const checks: AmiCheck[] = [
    { name: "grantHolder", met: holdsGrant(input), flagOnly: false },
    { name: "curriculum", met: input.partOfCurriculum, flagOnly: false },
    { name: "duration", met: isDurationAllowed(length, input.lifetimeCapMonths), flagOnly: false },
    { name: "age", met: input.disability || underAge, flagOnly: false },
    { name: "lifetimeCap", met: months <= monthsLeft, flagOnly: false },
    { name: "overlap", met: !input.otherStays.some((stay) => staysOverlap(stay, input)), flagOnly: false },
    { name: "notice", met: isInTime(input.submittedOn, input.startDate), flagOnly: true },
  ];
  return {
    eligible: checks.every((check) => check.met || check.flagOnly),
    late: !checks.find((check) => check.name === "notice")!.met,
    length,
    months,
    monthsUsed,
    monthsLeft,
    checks,
  };
}

export type AmiSupplement = "grantLevel" | "disability" | "ruralArea" | "priorityUrbanArea";

/** R-AMI-3: the supplements a situation opens. */
export function applicableSupplements(situation: AmiSituation): AmiSupplement[] {
  const supplements: AmiSupplement[] = [];
  if (situation.grantStatus === "SOCIAL_GRANT" && supplementGrantLevels.includes(situation.grantLevel ?? -1)) {
    supplements.push("grantLevel");
  }
  if (situation.disability) supplements.push("disability");
  if (situation.ruralArea) supplements.push("ruralArea");
  if (situation.priorityUrbanArea) supplements.push("priorityUrbanArea");
  return supplements;
}

const supplementField = {
  grantLevel: "grantLevelSupplementCents",
  disability: "disabilitySupplementCents",
  ruralArea: "ruralAreaSupplementCents",
  priorityUrbanArea: "priorityUrbanAreaSupplementCents",
} as const satisfies Record<AmiSupplement, keyof AmiYearFigures>;

export type AmiAmount =
  | {
      ok: true;
      academicYear: number;
      months: number;
      monthlyRateCents: number;
      baseCents: number;
      supplements: { supplement: AmiSupplement; cents: number }[];
      totalCents: number;
    }
  /** The office has not set the year's rate, or a supplement that applies: nothing is computed. */
  | { ok: false; academicYear: number; missing: "rate" | AmiSupplement };

/** R-AMI-2, R-AMI-3: months × the year's rate + the supplements that apply. */
export function computeAmount(
  academicYear: number,
  months: number,
  situation: AmiSituation,
  figures: AmiYearFigures | null,
): AmiAmount {
  if (!figures) return { ok: false, academicYear, missing: "rate" };
  const supplements: { supplement: AmiSupplement; cents: number }[] = [];
  for (const supplement of applicableSupplements(situation)) {
    const cents = figures[supplementField[supplement]];
    if (cents === null) return { ok: false, academicYear, missing: supplement };
    supplements.push({ supplement, cents });
  }
  const baseCents = months * figures.monthlyRateCents;
  return {
    ok: true,
    academicYear,
    months,
    monthlyRateCents: figures.monthlyRateCents,
    baseCents,
    supplements,
    totalCents: baseCents + supplements.reduce((sum, { cents }) => sum + cents, 0),
  };
}

export interface AmiInstalment {
  /** 1-based. */
  number: number;
  /** The first day of the month it is paid for (the start date's month first). */
  month: Date;
  amountCents: number;
}

/**
 * R-AMI-5: the payment schedule, one line per month: the total shared out evenly, the cents
 * that do not divide going on the first line (so the lines always add up to the decision).
 */
export function paymentSchedule(startDate: Date, months: number, totalCents: number): AmiInstalment[] {
  if (months < 1) return [];
  const each = Math.floor(totalCents / months);
  const first = new Date(Date.UTC(startDate.getUTCFullYear(), startDate.getUTCMonth(), 1));
  return Array.from({ length: months }, (_, index) => ({
    number: index + 1,
    month: addMonths(first, index),
    amountCents: each + (index === 0 ? totalCents - each * months : 0),
  }));
}

/** The student may change the application before submitting it, or when asked to. */
export function isEditableByStudent(status: AmiStatus): boolean {
  return status === "DRAFT" || status === "CHANGES_REQUESTED";
}

/** Applications whose months count towards the lifetime cap (see above). */
export const countingStatuses = ["SUBMITTED", "CHANGES_REQUESTED", "GRANTED"] as const satisfies readonly AmiStatus[];

export type AmiDecision = "GRANTED" | "REFUSED" | "CHANGES_REQUESTED";

/** The office decides on a submitted application only. */
export function canDecide(status: AmiStatus): boolean {
  return status === "SUBMITTED";
}

export type AmiDocumentKind = "AWARD_LETTER" | "DISABILITY_PROOF";

/**
 * R-AMI-1, R-AMI-3: the proofs a submission needs: the grant's award letter (social-criteria
 * grant or annual allowance), and the proof of a disability declared (it lifts the age limit
 * and opens a supplement).
 */
export function requiredAmiDocuments(situation: Pick<AmiSituation, "grantStatus" | "disability">): AmiDocumentKind[] {
  const kinds: AmiDocumentKind[] = [];
  if (holdsGrant(situation)) kinds.push("AWARD_LETTER");
  if (situation.disability) kinds.push("DISABILITY_PROOF");
  return kinds;
}
