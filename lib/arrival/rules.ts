/**
 * Pure rules of the arrival checklist: who the residence-permit procedure applies to, its
 * deadline, the foreign-national number, the reminders (R-VIS-1…6). No I/O: days are Paris
 * calendar days ("YYYY-MM-DD", lib/paris-time.ts).
 */
import type { DocumentKind, VisaType } from "@/lib/generated/prisma/enums";
import { addMonths, daysBetween } from "@/lib/paris-time";

export const visaTypes = ["VLS_TS", "SHORT_STAY", "NONE", "EU_RESIDENCE_PERMIT"] as const satisfies readonly VisaType[];

// ---------------------------------------------------------------------------------------------
// R-VIS-6: who the checklist applies to

export type Applicability =
  | { applies: true }
  /** EUROPEAN: EU/EEA/Swiss nationals need no visa. The others: their visa needs no validation. */
  | {
      applies: false;
      reason:
        | "EUROPEAN"
        | "SHORT_STAY"
        | "NO_VISA"
        | "EU_RESIDENCE_PERMIT"
        | "VISA_NOT_COVERED"
        | "NATIONALITY_NOT_COVERED";
    };

/** What of a procedure decides whom it applies to; null when the year has none. */
export interface ProcedureScope {
  visaTypes: readonly VisaType[];
  excludedNationalities: readonly string[];
}

/**
 * R-VIS-6: EU/EEA/Swiss nationals first (whatever visa they name), then the nationalities the
 * procedure leaves out, then the visa: the procedure applies to the visa types it validates
 * (the VLS-TS for both seeded procedures).
 */
export function checklistApplicability(input: {
  nationality: string;
  visaType: VisaType;
  exemptCountries: readonly string[];
  procedure: ProcedureScope | null;
}): Applicability {
  const nationality = input.nationality.toUpperCase();
  if (input.exemptCountries.includes(nationality)) return { applies: false, reason: "EUROPEAN" };
  if (
    input.procedure?.excludedNationalities.includes(nationality) &&
    input.procedure.visaTypes.includes(input.visaType)
  ) {
    return { applies: false, reason: "NATIONALITY_NOT_COVERED" };
  }
  if (input.procedure?.visaTypes.includes(input.visaType)) return { applies: true };
  switch (input.visaType) {
    case "SHORT_STAY":
      return { applies: false, reason: "SHORT_STAY" };
    case "NONE":
      return { applies: false, reason: "NO_VISA" };
    case "EU_RESIDENCE_PERMIT":
      return { applies: false, reason: "EU_RESIDENCE_PERMIT" };
    default:
      return { applies: false, reason: "VISA_NOT_COVERED" };
  }
}

/** R-VIS-5: the welcome desk is compulsory for newcomers from outside Europe (unknown: told too). */
export function isNonEuropean(nationality: string | null, exemptCountries: readonly string[] | null): boolean {
  if (!nationality || !exemptCountries) return true;
  return !exemptCountries.includes(nationality.toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// The arrival date and the deadline (R-VIS-1)

/** How far from today an arrival date may be: a year either way catches a mistyped year. */
export const arrivalWindowDays = 366;

export type ArrivalDateProblem = "beforeAcceptance" | "tooFarInPast" | "tooFarInFuture";

/**
 * An arrival date is refused before the day the dossier was accepted (the student comes as an
 * accepted exchange student) and more than a year away from today either way.
 */
export function arrivalDateProblem(arrivalDay: string, acceptedDay: string, today: string): ArrivalDateProblem | null {
  if (daysBetween(acceptedDay, arrivalDay) < 0) return "beforeAcceptance";
  const fromToday = daysBetween(today, arrivalDay);
  if (fromToday < -arrivalWindowDays) return "tooFarInPast";
  if (fromToday > arrivalWindowDays) return "tooFarInFuture";
  return null;
}

/** R-VIS-1: the last day to complete the procedure, `months` after the arrival. */
export function visaDeadline(arrivalDay: string, months: number): string {
  return addMonths(arrivalDay, months);
}

export type DeadlineState = {
  deadline: string;
  daysLeft: number;
  state: "upcoming" | "dueSoon" | "dueToday" | "overdue";
};

/** From this many days left the page and the staff's list say the deadline is near. */
export const dueSoonDays = 14;

/** Days left are counted on the Paris calendar: 0 on the deadline itself, negative after it. */
export function deadlineState(deadline: string, today: string): DeadlineState {
  const daysLeft = daysBetween(today, deadline);
  const state =
    daysLeft < 0 ? "overdue" : daysLeft === 0 ? "dueToday" : daysLeft <= dueSoonDays ? "dueSoon" : "upcoming";
  return { deadline, daysLeft, state };
}

// ---------------------------------------------------------------------------------------------
// R-VIS-4: the foreign-national (AGDREF) number

/**
 * The AGDREF number, also called the foreign-national number ("numéro étranger"), is ten
 * digits. Students copy it from a sticker or a certificate, often with spaces: those are
 * dropped; anything else makes it invalid (null).
 */
export function normalizeForeignNumber(value: string): string | null {
  const compact = value.replace(/[\s.-]/g, "");
  return /^\d{10}$/.test(compact) ? compact : null;
}

// ---------------------------------------------------------------------------------------------
// Steps and progress

export interface StepForProgress {
  id: string;
  uploadKinds: readonly DocumentKind[];
}

/** A step can be ticked once the copies it asks for are in the portal. */
export function missingUploads(step: StepForProgress, uploaded: ReadonlySet<DocumentKind>): DocumentKind[] {
  return step.uploadKinds.filter((kind) => !uploaded.has(kind));
}

/** R-VIS-4: the checklist ends with the number, recorded once every step is done. */
export function canRecordNumber(steps: readonly { id: string }[], done: ReadonlySet<string>): boolean {
  return steps.every((step) => done.has(step.id));
}

// ---------------------------------------------------------------------------------------------
// The staff's view of an arrival

export const arrivalStatuses = [
  "NOT_STARTED",
  "NOT_APPLICABLE",
  "AWAITING_ARRIVAL",
  "IN_PROGRESS",
  "DUE_SOON",
  "OVERDUE",
  "DONE",
] as const;
export type ArrivalStatus = (typeof arrivalStatuses)[number];

/**
 * One word for an accepted student's arrival: nothing recorded yet; the procedure does not
 * apply; no arrival date yet; in progress (due soon, overdue); done (number recorded).
 */
export function arrivalStatus(input: {
  started: boolean;
  applies: boolean;
  deadline: DeadlineState | null;
  completed: boolean;
}): ArrivalStatus {
  if (!input.started) return "NOT_STARTED";
  if (!input.applies) return "NOT_APPLICABLE";
  if (input.completed) return "DONE";
  if (!input.deadline) return "AWAITING_ARRIVAL";
  if (input.deadline.state === "overdue") return "OVERDUE";
  if (input.deadline.state === "upcoming") return "IN_PROGRESS";
  return "DUE_SOON";
}

// ---------------------------------------------------------------------------------------------
// Reminders

/**
 * The reminder due now, if any: the smallest offset (days before the deadline) that has been
 * reached, unless a reminder at that offset or a smaller one was already sent for this
 * deadline. A student who records their arrival late gets one reminder, not every missed one.
 */
export function dueReminderOffset(
  daysLeft: number,
  offsets: readonly number[],
  alreadySent: readonly number[],
): number | null {
  if (daysLeft < 0) return null;
  const reached = offsets.filter((offset) => daysLeft <= offset);
  if (reached.length === 0) return null;
  const offset = Math.min(...reached);
  return alreadySent.some((sent) => sent <= offset) ? null : offset;
}

/** Reminder offsets as an admin types them ("30, 14, 7, 2"): distinct days, largest first. */
export function normalizeReminderDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}
