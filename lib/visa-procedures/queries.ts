import "server-only";
import { academicYearOf } from "@/lib/academic-year";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";
import { findVisaExemptCountries } from "@/lib/visa-exempt-countries";

// Reads of the procedures' administration (/admin/visa); callers have checked the viewer is an admin.

/** Every version, latest first within each procedure, with how many students started it. */
export async function listProcedures(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.visaProcedure.findMany({
    orderBy: [{ code: "asc" }, { version: "desc" }],
    select: {
      id: true,
      code: true,
      version: true,
      nameFr: true,
      nameEn: true,
      deadlineMonths: true,
      supersededAt: true,
      _count: { select: { checklists: true, steps: true } },
      years: { select: { academicYear: true }, orderBy: { academicYear: "asc" } },
    },
  });
}

export async function listYearProcedures(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.visaProcedureYear.findMany({
    orderBy: { academicYear: "asc" },
    select: { academicYear: true, procedureId: true },
  });
}

export async function listFees(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.visaFee.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, nameFr: true, nameEn: true, amountCents: true },
  });
}

export async function getExemptCountries(): Promise<string[]> {
  return findVisaExemptCountries();
}

/** One version as the editor shows it; null when there is none. */
export async function getProcedureForEdit(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  return db.visaProcedure.findUnique({
    where: { id },
    select: {
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
      reminderDays: true,
      supersededAt: true,
      _count: { select: { checklists: true } },
      steps: {
        orderBy: { position: "asc" },
        select: {
          titleFr: true,
          titleEn: true,
          bodyFr: true,
          bodyEn: true,
          feeId: true,
          documents: { orderBy: { position: "asc" }, select: { labelFr: true, labelEn: true, uploadKind: true } },
        },
      },
    },
  });
}
export type ProcedureForEdit = NonNullable<Awaited<ReturnType<typeof getProcedureForEdit>>>;

/**
 * What the public pages say about the residence permit, derived from the procedure an admin set
 * for the academic year (the current one unless given; the next one when the current has none),
 * so that texts never repeat a figure the data may change: its deadline in months, and whether
 * it has a paper file to deposit at the desk (a step asking for the OFII form) or is validated
 * online. Null when no procedure is set for those years.
 */
export async function getYearProcedureGuidance(academicYear: number = academicYearOf(new Date())) {
  const year = await db.visaProcedureYear.findFirst({
    where: { academicYear: { in: [academicYear, academicYear + 1] } },
    orderBy: { academicYear: "asc" },
    select: {
      procedure: {
        select: {
          deadlineMonths: true,
          steps: { where: { documents: { some: { uploadKind: "VISA_OFII_FORM" } } }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  if (!year) return null;
  return { deadlineMonths: year.procedure.deadlineMonths, paperFile: year.procedure.steps.length > 0 };
}
