import "server-only";
import { randomUUID } from "node:crypto";
import { newestApplicationFirst, preferAccepted } from "@/lib/application-status";
import { recordAudit } from "@/lib/audit";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { sniffLength } from "@/lib/documents/rules";
import { documentStorage } from "@/lib/documents/storage";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { assertLetterAllowed, discardStoredLetters, type IssuedLetter, issueLetterInTx } from "@/lib/letters/issue";
import { checkSignatureImage } from "@/lib/letters/rules";
import type {
  TIssueCertificate,
  TLetterhead,
  TLetterTemplate,
  TReissueLetter,
  TRequestCertificate,
  TSignatureImage,
} from "@/lib/letters/schemas";

/**
 * Staff issue a new version of a dossier's acceptance letter in one language: a correction
 * (the previous version is marked replaced, never changed) or the letter in the other
 * language on the student's request. Only for a dossier the staff member may review.
 */
export async function reissueAcceptanceLetter(
  viewer: Viewer,
  input: TReissueLetter,
  requestId: string,
): Promise<IssuedLetter> {
  let stored: string | null = null;
  try {
    return await db.$transaction(async (tx) => {
      const dossier = await tx.application.findFirst({
        where: { id: input.applicationId, ...staffScope(viewer) },
        select: { id: true },
      });
      if (!dossier) throw new NotFoundError();
      const letter = await issueLetterInTx(tx, {
        applicationId: dossier.id,
        kind: "ACCEPTANCE",
        locale: input.locale,
        actorId: viewer.id,
        requestId,
      });
      stored = letter.storageKey;
      return letter;
    });
  } catch (error) {
    if (stored) await discardStoredLetters([stored]);
    throw error;
  }
}

/**
 * R-LET-4: a student asks for a certificate of arrival or of attendance, once accepted and
 * arrived (arrival date recorded in the arrival checklist). Asking again while one is pending
 * answers the pending request: the correspondent sees one request per kind.
 */
export async function requestCertificate(viewer: Viewer, input: TRequestCertificate, requestId: string) {
  return db.$transaction(async (tx) => {
    // R-ELI-9: certificates are about the stay: the accepted application, if any.
    const dossier = await preferAccepted((status) =>
      tx.application.findFirst({
        where: { studentId: viewer.id, ...status },
        orderBy: newestApplicationFirst,
        select: { id: true, status: true, arrival: { select: { arrivalDate: true } } },
      }),
    );
    if (!dossier) throw new NotFoundError();
    assertLetterAllowed(input.kind, dossier);
    const pending = await tx.certificateRequest.findFirst({
      where: { applicationId: dossier.id, kind: input.kind, status: "PENDING" },
      select: { id: true },
    });
    if (pending) return pending;
    const created = await tx.certificateRequest.create({
      data: { applicationId: dossier.id, kind: input.kind },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "letter.request",
      entityType: "Application",
      entityId: dossier.id,
      after: { certificateRequestId: created.id, kind: input.kind },
      requestId,
    });
    return created;
  });
}

/**
 * The correspondent confirms the dates and issues the certificate a student asked for; the
 * request is closed with a guard on its state, so that two staff members cannot both issue it.
 */
export async function issueCertificate(viewer: Viewer, input: TIssueCertificate, requestId: string) {
  let stored: string | null = null;
  try {
    return await db.$transaction(async (tx) => {
      const request = await tx.certificateRequest.findFirst({
        where: { id: input.certificateRequestId, application: staffScope(viewer) },
        select: {
          id: true,
          kind: true,
          status: true,
          applicationId: true,
          application: { select: { student: { select: { email: true, name: true, locale: true } } } },
        },
      });
      if (!request) throw new NotFoundError();
      if (request.status !== "PENDING" || request.kind === "ACCEPTANCE") throw new ConflictError();
      const letter = await issueLetterInTx(tx, {
        applicationId: request.applicationId,
        kind: request.kind,
        locale: input.locale,
        actorId: viewer.id,
        requestId,
        start: input.start,
        end: request.kind === "ATTENDANCE_CERTIFICATE" ? input.end : undefined,
      });
      stored = letter.storageKey;
      const closed = await tx.certificateRequest.updateMany({
        where: { id: request.id, status: "PENDING" },
        data: { status: "ISSUED", letterId: letter.id, issuedAt: new Date() },
      });
      if (closed.count === 0) throw new ConflictError();
      return { letter, kind: request.kind, student: request.application.student };
    });
  } catch (error) {
    if (stored) await discardStoredLetters([stored]);
    throw error;
  }
}

/** R-LET-1: an administrator saves the wording of a kind of letter in one language. */
export async function updateLetterTemplate(
  viewer: AdminViewer & Pick<Viewer, "id">,
  input: TLetterTemplate,
  requestId: string,
) {
  assertAdminViewer(viewer);
  const { kind, locale, ...wording } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.letterTemplate.findUnique({ where: { kind_locale: { kind, locale } } });
    await tx.letterTemplate.upsert({
      where: { kind_locale: { kind, locale } },
      create: { kind, locale, ...wording, updatedById: viewer.id },
      update: { ...wording, updatedById: viewer.id },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "letter.template",
      entityType: "LetterTemplate",
      entityId: `${kind}:${locale}`,
      before: before ? { title: before.title, body: before.body } : undefined,
      after: { title: wording.title, body: wording.body },
      requestId,
    });
  });
}

/** R-LET-6: an administrator saves the letterhead of one language; letters issued afterwards print it. */
export async function updateLetterhead(
  viewer: AdminViewer & Pick<Viewer, "id">,
  input: TLetterhead,
  requestId: string,
) {
  assertAdminViewer(viewer);
  await db.$transaction(async (tx) => {
    const before = await tx.letterLetterhead.findUnique({ where: { locale: input.locale } });
    await tx.letterLetterhead.upsert({
      where: { locale: input.locale },
      create: { locale: input.locale, lines: input.lines, updatedById: viewer.id },
      update: { lines: input.lines, updatedById: viewer.id },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "letter.letterhead",
      entityType: "LetterLetterhead",
      entityId: input.locale,
      before: before ? { lines: before.lines } : undefined,
      after: { lines: input.lines },
      requestId,
    });
  });
}

const signatureRefusals = {
  empty: "signatureImageEmpty",
  tooLarge: "signatureImageTooLarge",
  unsupportedType: "signatureImageType",
} as const;

/**
 * R-LET-6: an administrator replaces the signature image. It is checked by its content before
 * anything is written; stored privately under a new generated key; the previous file is removed
 * only once the new row is committed, so a failure leaves the old signature in place.
 */
export async function uploadSignatureImage(
  viewer: AdminViewer & Pick<Viewer, "id">,
  input: TSignatureImage,
  requestId: string,
) {
  assertAdminViewer(viewer);
  const { image } = input;
  // Only the first bytes are read to recognise the type; the size comes from the upload.
  const head = new Uint8Array(await image.slice(0, sniffLength).arrayBuffer());
  const check = checkSignatureImage({ size: image.size, head });
  if (!check.ok) throw new DomainError(signatureRefusals[check.reason], {}, "image");

  const storageKey = randomUUID();
  await documentStorage().put(storageKey, image.stream());
  let previousKey: string | null = null;
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.letterSignatureImage.findUnique({ where: { id: "current" } });
      previousKey = before?.storageKey ?? null;
      const data = { storageKey, contentType: check.contentType, size: image.size, updatedById: viewer.id };
      await tx.letterSignatureImage.upsert({
        where: { id: "current" },
        create: { id: "current", ...data },
        update: data,
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "letter.signature",
        entityType: "LetterSignatureImage",
        entityId: "current",
        after: { contentType: check.contentType, size: image.size },
        requestId,
      });
    });
  } catch (error) {
    await documentStorage().delete(storageKey);
    throw error;
  }
  if (previousKey) await documentStorage().delete(previousKey);
}
