/**
 * Pure rules of what a student sees and may do about their housing (R-HOU-3…6). No I/O: the queries and services load the facts, these functions decide.
 */
import type { ApplicationStatus, HousingStatus } from "@/lib/generated/prisma/enums";
import { isDecisionVisible } from "@/lib/housing/rounds/rules";

// ---------------------------------------------------------------------------------------------
// R-HOU-4, R-HOU-5: an accepted student's reservation

export const interlogSteps = ["registered", "accommodationRequested", "depositPaid"] as const;
export type InterlogStep = (typeof interlogSteps)[number];

/**
 * The reservation counts as confirmed only when the three INTERLOG steps are done and the
 * three commitments accepted; only then may the student collect the keys on arrival.
 */
export function reservationConfirmed(request: {
  interlogDone: InterlogStep[];
  commitmentsAcceptedAt: Date | null;
}): boolean {
  return request.commitmentsAcceptedAt !== null && interlogSteps.every((step) => request.interlogDone.includes(step));
}

// ---------------------------------------------------------------------------------------------
// R-HOU-3: what the student sees of the decision

/**
 * The status the student sees. Before the round is released every decision reads PENDING,
 * whatever staff recorded (portal choice of R-HOU-3). A withdrawn request (the student withdrew
 * or the application was not accepted) and a declined room are the student's own situation and
 * read as they are.
 */
export function studentHousingStatus(status: HousingStatus, round: { releasedAt: Date | null }): HousingStatus {
  if (status === "WITHDRAWN" || status === "DECLINED") return status;
  return isDecisionVisible(round) ? status : "PENDING";
}

export type PendingNotice =
  /** Not released yet, the release date is ahead: "pending until <date>". */
  | { kind: "until"; date: Date }
  /** Not released yet but the date has passed: staff release it any day now. */
  | { kind: "soon"; date: Date }
  /** Released, and the request is still undecided: staff are still examining it. */
  | { kind: "examining" };

/** What "pending" says, from the round's dates. */
export function pendingNotice(round: { releaseAt: Date; releasedAt: Date | null }, now: Date): PendingNotice {
  if (round.releasedAt !== null) return { kind: "examining" };
  return round.releaseAt.getTime() > now.getTime()
    ? { kind: "until", date: round.releaseAt }
    : { kind: "soon", date: round.releaseAt };
}

/** The resources for housing in the city (R-HOU-6) are offered to whoever has no room coming. */
export function showsCityResources(status: HousingStatus | null): boolean {
  return (
    status === null ||
    status === "REFUSED" ||
    status === "WAITLISTED" ||
    status === "DECLINED" ||
    status === "WITHDRAWN"
  );
}

// ---------------------------------------------------------------------------------------------
// R-HOU-4, R-HOU-5: the accepted student's reservation

/** The column that records each INTERLOG step the student ticks. */
export const interlogColumns = {
  registered: "interlogRegisteredAt",
  accommodationRequested: "interlogRequestedAt",
  depositPaid: "depositPaidAt",
} as const satisfies Record<InterlogStep, string>;

export type InterlogTimes = {
  interlogRegisteredAt: Date | null;
  interlogRequestedAt: Date | null;
  depositPaidAt: Date | null;
};

export function interlogDone(request: InterlogTimes): InterlogStep[] {
  return interlogSteps.filter((step) => request[interlogColumns[step]] !== null);
}

/** R-HOU-5: the three commitments an accepted student accepts, in the order of the AMU page. */
export const housingCommitments = ["payRestOnArrival", "wholeStudyPeriod", "studyPeriodOnly"] as const;
export type HousingCommitment = (typeof housingCommitments)[number];

export interface ReservationProgress {
  /** reservationConfirmed (lib/housing/rules.ts): only then are the keys handed over on arrival. */
  confirmed: boolean;
  missingSteps: InterlogStep[];
  commitmentsMissing: boolean;
}

/** Confirmed, or what is still missing (R-HOU-4, R-HOU-5). */
export function reservationProgress(
  request: InterlogTimes & { commitmentsAcceptedAt: Date | null },
): ReservationProgress {
  const done = interlogDone(request);
  return {
    confirmed: reservationConfirmed({ interlogDone: done, commitmentsAcceptedAt: request.commitmentsAcceptedAt }),
    missingSteps: interlogSteps.filter((step) => !done.includes(step)),
    commitmentsMissing: request.commitmentsAcceptedAt === null,
  };
}

// ---------------------------------------------------------------------------------------------
// The dossier's link to the housing page

/**
 * The dossier links to the housing page once there is something there for the student: a
 * room request sent with the application (not a draft), or an accepted application (whose
 * home insurance is required whatever the accommodation, R-HOU-7).
 */
export function showsHousingLink(application: {
  status: ApplicationStatus;
  housingRequested: boolean | null;
}): boolean {
  if (application.status === "ACCEPTED") return true;
  return application.housingRequested === true && application.status !== "DRAFT";
}
