import "server-only";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { AuthorisedFile } from "@/lib/documents/download";
import { NotFoundError } from "@/lib/errors";
import { letterhead as defaultLetterhead } from "@/lib/letters/default-templates";
import { letterFileName } from "@/lib/letters/issue";
import { periodDates } from "@/lib/letters/rules";
import { ZLetterId } from "@/lib/letters/schemas";
import { defaultWording, splitParagraphs } from "@/lib/letters/templates";

type LetterViewer = Pick<Viewer, "id" | "role" | "componentIds">;

/** A student's own dossier; for staff, the dossiers they may review (as for documents). */
function dossierScope(viewer: LetterViewer) {
  return viewer.role === "STUDENT" ? { studentId: viewer.id } : staffScope(viewer);
}

/**
 * The letters of one dossier the viewer may see: the student's own, or those of a dossier the
 * staff member may review (the documents' scope); newest first, replaced ones included so that
 * the history shows.
 */
export async function listLettersForViewer(viewer: LetterViewer, applicationId: string) {
  if (!ZLetterId.safeParse(applicationId).success) return [];
  return db.letter.findMany({
    where: { applicationId, application: dossierScope(viewer) },
    orderBy: [{ kind: "asc" }, { locale: "asc" }, { version: "desc" }],
    select: { id: true, kind: true, locale: true, version: true, code: true, issuedAt: true, replacedAt: true },
  });
}

/** A letter's file for download, if the viewer may read its dossier; NotFoundError otherwise. */
export async function openLetterForViewer(viewer: LetterViewer | null, letterId: string): Promise<AuthorisedFile> {
  if (!viewer || !ZLetterId.safeParse(letterId).success) throw new NotFoundError();
  const letter = await db.letter.findFirst({
    where: { id: letterId, application: dossierScope(viewer) },
    select: { kind: true, locale: true, version: true, size: true, storageKey: true },
  });
  if (!letter) throw new NotFoundError();
  const locale = letter.locale === "fr" ? "fr" : "en";
  return {
    fileName: letterFileName(letter.kind, locale, letter.version),
    contentType: "application/pdf",
    size: letter.size,
    storageKey: letter.storageKey,
  };
}

/**
 * The certificates asked for on a dossier the viewer may see, pending first, with the dates
 * the correspondent's form starts from: the arrival date, and the end of the period of study.
 */
export async function listCertificateRequestsForViewer(viewer: LetterViewer, applicationId: string) {
  if (!ZLetterId.safeParse(applicationId).success) return null;
  const dossier = await db.application.findFirst({
    where: { id: applicationId, ...dossierScope(viewer) },
    select: {
      academicYear: true,
      period: true,
      arrival: { select: { arrivalDate: true } },
      certificateRequests: {
        orderBy: [{ status: "asc" }, { requestedAt: "desc" }],
        select: { id: true, kind: true, status: true, requestedAt: true },
      },
    },
  });
  if (!dossier) return null;
  const periodEnd =
    dossier.academicYear !== null ? periodDates(dossier.academicYear, dossier.period ?? "FULL_YEAR").end : null;
  return { requests: dossier.certificateRequests, arrivalDate: dossier.arrival?.arrivalDate ?? null, periodEnd };
}

/** Every kind of letter in both languages, as an administrator edits it: saved, or the portal's own. */
export async function listLetterTemplates(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  const saved = await db.letterTemplate.findMany();
  return (["ACCEPTANCE", "ARRIVAL_CERTIFICATE", "ATTENDANCE_CERTIFICATE"] as const).flatMap((kind) =>
    (["fr", "en"] as const).map((locale) => {
      const row = saved.find((template) => template.kind === kind && template.locale === locale);
      const wording = row ? { ...row, paragraphs: splitParagraphs(row.body) } : defaultWording(kind, locale);
      return {
        kind,
        locale,
        title: wording.title,
        body: wording.paragraphs.join("\n\n"),
        signatoryName: wording.signatoryName,
        signatoryTitle: wording.signatoryTitle,
      };
    }),
  );
}

/** R-LET-6: the letterhead of each language as edited (one line per line), and whether a signature is on file. */
export async function getLetterBranding(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  const [letterheads, signature] = await Promise.all([
    db.letterLetterhead.findMany(),
    db.letterSignatureImage.findUnique({ where: { id: "current" }, select: { id: true } }),
  ]);
  const lines = (locale: "fr" | "en") =>
    letterheads.find((row) => row.locale === locale)?.lines ?? defaultLetterhead[locale].join("\n");
  return { letterheads: { fr: lines("fr"), en: lines("en") }, signatureOnFile: signature !== null };
}
