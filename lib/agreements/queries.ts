import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";

// ---------------------------------------------------------------------------------------------
// Admin pages (the caller has checked the viewer is an admin)

export async function listAgreementsForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.agreement.findMany({
    orderBy: [{ partner: { name: "asc" } }, { firstAcademicYear: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      studyLevels: true,
      firstAcademicYear: true,
      lastAcademicYear: true,
      incomingSeatsPerYear: true,
      agreementKind: { select: { nameFr: true, nameEn: true } },
      partner: { select: { id: true, name: true } },
      components: { select: { code: true }, orderBy: { code: "asc" } },
    },
  });
}

/** Null when there is no such row (or the id is not even a UUID: the page answers 404). */
export async function getAgreementForEdit(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  return db.agreement.findUnique({
    where: { id },
    select: {
      id: true,
      partnerId: true,
      kind: true,
      studyLevels: true,
      firstAcademicYear: true,
      lastAcademicYear: true,
      incomingSeatsPerYear: true,
      status: true,
      eqfLevels: true,
      iscedCodes: true,
      languageRequirements: true,
      instructionLanguages: true,
      levelSeats: { select: { level: true, seatsPerYear: true } },
      periods: true,
      signedOn: true,
      signedPdfName: true,
      signedPdfSize: true,
      partner: { select: { name: true } },
      components: { select: { id: true } },
    },
  });
}

/** The signed agreement's storage key and name, for the admin-only download; null when none. */
export async function getSignedPdf(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.agreement.findUnique({
    where: { id },
    select: { signedPdfKey: true, signedPdfName: true },
  });
  return row?.signedPdfKey ? { key: row.signedPdfKey, name: row.signedPdfName ?? "agreement.pdf" } : null;
}
