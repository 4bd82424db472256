import "server-only";
import { formatAcademicYear } from "@/lib/academic-year";
import { callColumns, withComponentIds } from "@/lib/calls/queries";
import { type CallPeriod, pickOpenCall, submissionRefusal } from "@/lib/calls/rules";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { parisWallClockInput } from "@/lib/paris-time";

/**
 * The door applications use to place an application in a call and to check its deadline
 * (R-ELI-8), inside the caller's transaction.
 */

const callDates = callColumns;

/** The open call for the year and period, or a field error on the period: nothing else is offered. */
export async function openCallForOrThrow(
  tx: Tx,
  request: { academicYear: number; period: CallPeriod; componentId?: string },
  now = new Date(),
) {
  const calls = await tx.applicationCall.findMany({
    where: { academicYear: request.academicYear, period: request.period },
    select: callDates,
  });
  const call = pickOpenCall(calls.map(withComponentIds), request, now);
  if (!call) throw new DomainError("callNotOpen", {}, "period");
  return call;
}

/** Refuses a first submission outside its call's dates, unless the student has an exception. */
export async function assertSubmissionInCall(
  tx: Tx,
  application: { status: string; callId: string | null; lateSubmissionAt: Date | null; academicYear: number | null },
  now = new Date(),
) {
  const call = application.callId
    ? await tx.applicationCall.findUnique({ where: { id: application.callId }, select: callDates })
    : null;
  const refusal = submissionRefusal(application, call, now);
  if (!refusal) return;
  const year = formatAcademicYear(call?.academicYear ?? application.academicYear ?? now.getFullYear());
  throw new DomainError(refusal, {
    year,
    deadline: call ? parisWallClockInput(call.applicationDeadline).replace("T", " ") : "",
    opensAt: call ? parisWallClockInput(call.opensAt).replace("T", " ") : "",
  });
}
