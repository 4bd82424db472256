/**
 * Calls for applications (R-ELI-8). Pure: the service and the pages load the calls, these
 * functions decide. Dates are instants; administrators enter and read them in Paris time.
 */
import { parisInstant } from "@/lib/paris-time";

export type CallPeriod = "S1" | "S2" | "FULL_YEAR";
export type CallDates = { opensAt: Date; nominationDeadline: Date; applicationDeadline: Date };
export type CallState = "upcoming" | "open" | "closed";

/** R-ELI-8: open from its opening until its deadline, both instants included. */
export function callState(call: Pick<CallDates, "opensAt" | "applicationDeadline">, now: Date): CallState {
  if (now.getTime() < call.opensAt.getTime()) return "upcoming";
  return now.getTime() <= call.applicationDeadline.getTime() ? "open" : "closed";
}

export function isCallOpen(call: Pick<CallDates, "opensAt" | "applicationDeadline">, now: Date): boolean {
  return callState(call, now) === "open";
}

/** R-ELI-8: a call limited to some faculties takes only theirs; one limited to none, every faculty. */
export function callCoversComponent(
  call: { componentIds?: readonly string[] },
  componentId: string | undefined,
): boolean {
  return (
    !call.componentIds ||
    call.componentIds.length === 0 ||
    (componentId !== undefined && call.componentIds.includes(componentId))
  );
}

/**
 * The open call an application for this year and period answers: of several (a second round),
 * the one that stays open longest. Null when none is open.
 */
export function pickOpenCall<
  T extends CallDates & { academicYear: number; period: CallPeriod; componentIds?: readonly string[] },
>(calls: T[], request: { academicYear: number; period: CallPeriod; componentId?: string }, now: Date): T | null {
  const open = calls.filter(
    (call) =>
      call.academicYear === request.academicYear &&
      call.period === request.period &&
      callCoversComponent(call, request.componentId) &&
      isCallOpen(call, now),
  );
  open.sort((a, b) => b.applicationDeadline.getTime() - a.applicationDeadline.getTime());
  return open[0] ?? null;
}

/**
 * R-ELI-8: may the application be submitted now? A first submission needs its call open (or an
 * administrator's exception for the student); a resubmission after the reviewer asked for
 * changes is the same application, answered within the review, never refused by the deadline.
 */
export function submissionRefusal(
  application: { status: string; lateSubmissionAt: Date | null },
  call: Pick<CallDates, "opensAt" | "applicationDeadline"> | null,
  now: Date,
): "callNotOpenYet" | "callClosed" | null {
  if (application.status === "CHANGES_REQUESTED") return null;
  if (application.lateSubmissionAt) return null;
  if (!call) return "callClosed";
  const state = callState(call, now);
  if (state === "upcoming") return "callNotOpenYet";
  return state === "closed" ? "callClosed" : null;
}

/** The deadline moved later: an extension, audited as such. */
export function isExtension(
  before: Pick<CallDates, "applicationDeadline">,
  after: Pick<CallDates, "applicationDeadline">,
) {
  return after.applicationDeadline.getTime() > before.applicationDeadline.getTime();
}

/**
 * AMU's usual calendar (exchange page: decisions in July for semester 1 and the full year, in
 * December for semester 2): the deadlines before them. Defaults for the form, the seed and the
 * migration of existing applications; the dates themselves are the administrator's data.
 */
export function defaultCallDates(academicYear: number, period: CallPeriod): CallDates {
  if (period === "S2") {
    return {
      opensAt: parisInstant(`${academicYear}-05-01`, "00:00"),
      nominationDeadline: parisInstant(`${academicYear}-09-30`, "23:59"),
      applicationDeadline: parisInstant(`${academicYear}-10-31`, "23:59"),
    };
  }
  return {
    opensAt: parisInstant(`${academicYear - 1}-12-01`, "00:00"),
    nominationDeadline: parisInstant(`${academicYear}-04-30`, "23:59"),
    applicationDeadline: parisInstant(`${academicYear}-05-31`, "23:59"),
  };
}
