import "server-only";
import { newestApplicationFirst, preferAccepted } from "@/lib/application-status";
import {
  type Applicability,
  type ArrivalStatus,
  arrivalStatus,
  canRecordNumber,
  checklistApplicability,
  type DeadlineState,
  deadlineState,
  visaDeadline,
} from "@/lib/arrival/rules";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { isVisaDocumentKind } from "@/lib/documents/rules";
import { documentSummarySelect } from "@/lib/documents/summary";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VisaType } from "@/lib/generated/prisma/enums";
import { dateToDay, parisDay } from "@/lib/paris-time";
import type { NamedDossier } from "@/lib/student-name";
import { findVisaExemptCountries } from "@/lib/visa-exempt-countries";

/** What the student's page and the staff's list show of a procedure version. */
export const procedureViewSelect = {
  id: true,
  code: true,
  version: true,
  nameFr: true,
  nameEn: true,
  summaryFr: true,
  summaryEn: true,
  deadlineMonths: true,
  visaTypes: true,
  excludedNationalities: true,
  steps: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      titleFr: true,
      titleEn: true,
      bodyFr: true,
      bodyEn: true,
      fee: { select: { nameFr: true, nameEn: true, amountCents: true } },
      documents: { orderBy: { position: "asc" }, select: { id: true, labelFr: true, labelEn: true, uploadKind: true } },
    },
  },
} satisfies Prisma.VisaProcedureSelect;
export type ProcedureView = Prisma.VisaProcedureGetPayload<{ select: typeof procedureViewSelect }>;

/**
 * The student's arrival page: their application (accepted or not), what they recorded, the
 * procedure that applies (the version pinned to their checklist, or else the one active for
 * their year), why it does not apply, the deadline and the uploaded copies. Null: no
 * application at all.
 */
export async function getStudentArrival(viewer: Pick<Viewer, "id" | "role">, now = new Date()) {
  if (viewer.role !== "STUDENT") return null;
  // R-ELI-9: the accepted application, even when a newer one (an extension) is in progress.
  const application = await preferAccepted((status) =>
    db.application.findFirst({
      where: { studentId: viewer.id, ...status },
      orderBy: newestApplicationFirst,
      select: {
        id: true,
        status: true,
        academicYear: true,
        decidedAt: true,
        nationality: true,
        arrival: {
          select: {
            nationality: true,
            visaType: true,
            arrivalDate: true,
            foreignNumber: true,
            completedAt: true,
            procedure: { select: procedureViewSelect },
            steps: { select: { stepId: true, doneAt: true } },
          },
        },
        documents: { select: documentSummarySelect, orderBy: { createdAt: "asc" } },
      },
    }),
  );
  if (!application) return null;
  const accepted =
    application.status === "ACCEPTED" && application.decidedAt !== null && application.academicYear !== null;
  const exemptCountries = await findVisaExemptCountries(db);
  const checklist = application.arrival;
  const procedure =
    checklist?.procedure ??
    (accepted
      ? ((
          await db.visaProcedureYear.findUnique({
            where: { academicYear: application.academicYear! },
            select: { procedure: { select: procedureViewSelect } },
          })
        )?.procedure ?? null)
      : null);
  const applicability: Applicability | null = checklist
    ? checklistApplicability({
        nationality: checklist.nationality,
        visaType: checklist.visaType,
        exemptCountries,
        procedure,
      })
    : null;
  const arrivalDay = checklist?.arrivalDate ? dateToDay(checklist.arrivalDate) : null;
  const deadline: DeadlineState | null =
    applicability?.applies && procedure && arrivalDay
      ? deadlineState(visaDeadline(arrivalDay, procedure.deadlineMonths), parisDay(now))
      : null;
  const doneStepIds = new Set(checklist?.steps.map((step) => step.stepId) ?? []);
  return {
    application: {
      id: application.id,
      status: application.status,
      academicYear: application.academicYear,
      acceptedDay: application.decidedAt ? parisDay(application.decidedAt) : null,
      nationality: application.nationality,
    },
    accepted,
    checklist: checklist
      ? {
          nationality: checklist.nationality,
          visaType: checklist.visaType,
          arrivalDay,
          foreignNumber: checklist.foreignNumber,
          completedAt: checklist.completedAt,
        }
      : null,
    procedure,
    applicability,
    deadline,
    doneStepIds,
    canRecordNumber: procedure ? canRecordNumber(procedure.steps, doneStepIds) : false,
    documents: application.documents.filter((document) => isVisaDocumentKind(document.kind)),
    exemptCountries,
    today: parisDay(now),
  };
}
export type StudentArrival = NonNullable<Awaited<ReturnType<typeof getStudentArrival>>>;

// ---------------------------------------------------------------------------------------------
// The correspondents' list of arrivals

export interface ArrivalFilters {
  academicYear?: number;
  status?: ArrivalStatus;
  componentId?: string;
}

export interface ArrivalRow {
  applicationId: string;
  firstName: string | null;
  lastName: string | null;
  email: string;
  component: { code: string; nameFr: string; nameEn: string } | null;
  academicYear: number | null;
  nationality: string | null;
  visaType: VisaType | null;
  arrivalDay: string | null;
  deadline: DeadlineState | null;
  stepsDone: number;
  stepsTotal: number;
  completedAt: Date | null;
  status: ArrivalStatus;
}

/** The row as a named dossier, for lib/student-name.ts. */
export function arrivalDossier(row: ArrivalRow): NamedDossier {
  return { id: row.applicationId, firstName: row.firstName, lastName: row.lastName };
}

/**
 * Rows are built in memory (the status depends on today): an academic year's accepted
 * students of a faculty are hundreds, not millions. Beyond this, the list says it is cut and
 * asks for a narrower filter.
 */
export const arrivalListLimit = 5000;
/** The CSV export is not read on screen: it takes up to this many. */
export const arrivalExportLimit = 50_000;

/**
 * The accepted students of the viewer's scope (a correspondent: their components; an admin:
 * all) with their arrival, newest academic year first then by name; filtered by status after
 * the status is computed (it depends on today). The AGDREF number itself stays with the
 * student: staff see that it is recorded, not what it is.
 */
export async function listArrivals(
  viewer: Pick<Viewer, "role" | "componentIds">,
  filters: ArrivalFilters,
  now = new Date(),
  limit = arrivalListLimit,
): Promise<{ rows: ArrivalRow[]; truncated: boolean }> {
  const exemptCountries = await findVisaExemptCountries(db);
  const today = parisDay(now);
  const applications = await db.application.findMany({
    where: {
      AND: [
        staffScope(viewer),
        { status: "ACCEPTED" },
        filters.academicYear ? { academicYear: filters.academicYear } : {},
        filters.componentId ? { componentId: filters.componentId } : {},
      ],
    },
    orderBy: [{ academicYear: "desc" }, { lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      nationality: true,
      academicYear: true,
      student: { select: { email: true } },
      component: { select: { code: true, nameFr: true, nameEn: true } },
      arrival: {
        select: {
          nationality: true,
          visaType: true,
          arrivalDate: true,
          completedAt: true,
          procedure: {
            select: {
              deadlineMonths: true,
              visaTypes: true,
              excludedNationalities: true,
              _count: { select: { steps: true } },
            },
          },
          _count: { select: { steps: true } },
        },
      },
    },
  });
  const truncated = applications.length > limit;
  const rows = applications.slice(0, limit).map((application): ArrivalRow => {
    const arrival = application.arrival;
    const applies =
      arrival !== null &&
      checklistApplicability({
        nationality: arrival.nationality,
        visaType: arrival.visaType,
        exemptCountries,
        procedure: arrival.procedure,
      }).applies;
    const arrivalDay = arrival?.arrivalDate ? dateToDay(arrival.arrivalDate) : null;
    const deadline =
      applies && arrival?.procedure && arrivalDay
        ? deadlineState(visaDeadline(arrivalDay, arrival.procedure.deadlineMonths), today)
        : null;
    return {
      applicationId: application.id,
      firstName: application.firstName,
      lastName: application.lastName,
      email: application.student.email,
      component: application.component,
      academicYear: application.academicYear,
      nationality: arrival?.nationality ?? application.nationality,
      visaType: arrival?.visaType ?? null,
      arrivalDay,
      deadline,
      stepsDone: arrival?._count.steps ?? 0,
      stepsTotal: arrival?.procedure?._count.steps ?? 0,
      completedAt: arrival?.completedAt ?? null,
      status: arrivalStatus({ started: arrival !== null, applies, deadline, completed: arrival?.completedAt != null }),
    };
  });
  return { rows: filters.status ? rows.filter((row) => row.status === filters.status) : rows, truncated };
}

/** The components the filter offers: a correspondent's own, or all for an admin. */
export async function listArrivalComponents(viewer: Pick<Viewer, "role" | "componentIds">) {
  return db.component.findMany({
    where: viewer.role === "ADMIN" ? {} : { id: { in: viewer.componentIds } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, nameFr: true, nameEn: true },
  });
}
