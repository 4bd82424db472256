import "server-only";
import { newestApplicationFirst } from "@/lib/application-status";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { type DocumentSummary, documentSummarySelect } from "@/lib/documents/summary";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  ApplicationStatus,
  HousingCity,
  InsuranceStatus,
  ResidenceCity,
  Semester,
} from "@/lib/generated/prisma/enums";
import { lastReopened } from "@/lib/housing/reopened";
import type { ReopenReason } from "@/lib/housing/rules";
import {
  type InterlogStep,
  interlogColumns,
  interlogSteps,
  type PendingNotice,
  pendingNotice,
  type ReservationProgress,
  reservationProgress,
  studentHousingStatus,
} from "@/lib/housing/student/rules";

/** Read in full, then masked by asSeenByStudent before it leaves this module. */
const requestSelect = {
  id: true,
  status: true,
  cityPreference: true,
  residence: { select: { name: true, city: true, address: true } },
  interlogRegisteredAt: true,
  interlogRequestedAt: true,
  depositPaidAt: true,
  commitmentsAcceptedAt: true,
  round: { select: { academicYear: true, semester: true, releaseAt: true, releasedAt: true } },
} satisfies Prisma.HousingRequestSelect;
type RequestRow = Prisma.HousingRequestGetPayload<{ select: typeof requestSelect }>;

/** What every state of the request shows. */
interface RequestBase {
  id: string;
  cityPreference: HousingCity;
  round: { academicYear: number; semester: Semester; releaseAt: Date };
}

/**
 * The student's request as the student may see it. Before its round is released it is PENDING
 * whatever staff recorded, and carries nothing of the decision (no residence, no waitlist):
 * the masking happens here, so no page can show more than this (R-HOU-3).
 */
export type StudentHousingRequest =
  | (RequestBase & {
      status: "PENDING";
      notice: PendingNotice;
      /**
       * R-HOU-1: a resubmission (another semester or city) sent back to pending a decision the
       * student had seen; null otherwise, so nothing of an unreleased decision shows (R-HOU-3).
       */
      reopened: { at: Date; reason: ReopenReason } | null;
    })
  | (RequestBase & {
      status: "ACCEPTED";
      residence: { name: string; city: ResidenceCity; address: string | null } | null;
      /** When the student ticked each INTERLOG step, or null (R-HOU-4). */
      steps: Record<InterlogStep, Date | null>;
      /** When the student accepted the three commitments (R-HOU-5). */
      commitmentsAcceptedAt: Date | null;
      progress: ReservationProgress;
    })
  | (RequestBase & { status: "WAITLISTED" | "REFUSED" | "DECLINED" | "WITHDRAWN" });

export interface StudentHousing {
  application: {
    id: string;
    status: ApplicationStatus;
    housingRequested: boolean | null;
    insuranceStatus: InsuranceStatus;
    insuranceReviewedAt: Date | null;
    /** The reviewer's note, shown with a rejection. */
    insuranceReviewNote: string | null;
  };
  request: StudentHousingRequest | null;
  /** The current home-insurance certificate (R-HOU-7), if uploaded. */
  insuranceCertificate: DocumentSummary | null;
}

/**
 * The viewer's own housing: their application (application.studentId = viewer.id, nothing
 * else can be asked for), its room request as they may see it, and their insurance
 * certificate. Null when they have no application.
 */
export async function getStudentHousing(
  viewer: Pick<Viewer, "id">,
  now: Date = new Date(),
): Promise<StudentHousing | null> {
  const application = await db.application.findFirst({
    where: { studentId: viewer.id },
    orderBy: newestApplicationFirst,
    select: {
      id: true,
      status: true,
      housingRequested: true,
      insuranceStatus: true,
      insuranceReviewedAt: true,
      insuranceReviewNote: true,
      documents: { where: { kind: "INSURANCE_CERTIFICATE" }, select: documentSummarySelect },
      housingRequest: { select: requestSelect },
    },
  });
  if (!application) return null;
  const { documents, housingRequest, ...rest } = application;
  const reopened =
    housingRequest?.status === "PENDING" ? (await lastReopened([housingRequest.id])).get(housingRequest.id) : undefined;
  return {
    application: {
      ...rest,
      insuranceReviewNote: rest.insuranceStatus === "REJECTED" ? rest.insuranceReviewNote : null,
    },
    request: housingRequest ? asSeenByStudent(housingRequest, now, reopened?.visibleToStudent ? reopened : null) : null,
    insuranceCertificate: documents[0] ?? null,
  };
}

/** R-HOU-3: only what the student may see of the request leaves this module. */
function asSeenByStudent(
  row: RequestRow,
  now: Date,
  reopened: { at: Date; reason: ReopenReason } | null,
): StudentHousingRequest {
  const base: RequestBase = {
    id: row.id,
    cityPreference: row.cityPreference,
    round: { academicYear: row.round.academicYear, semester: row.round.semester, releaseAt: row.round.releaseAt },
  };
  const status = studentHousingStatus(row.status, row.round);
  switch (status) {
    case "PENDING":
      return {
        ...base,
        status,
        notice: pendingNotice(row.round, now),
        reopened: row.status === "PENDING" && reopened ? { at: reopened.at, reason: reopened.reason } : null,
      };
    case "ACCEPTED":
      return {
        ...base,
        status,
        residence: row.residence,
        steps: Object.fromEntries(interlogSteps.map((step) => [step, row[interlogColumns[step]]])) as Record<
          InterlogStep,
          Date | null
        >,
        commitmentsAcceptedAt: row.commitmentsAcceptedAt,
        progress: reservationProgress(row),
      };
    default:
      return { ...base, status };
  }
}
