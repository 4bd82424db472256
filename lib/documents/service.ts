import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { newestApplicationFirst } from "@/lib/application-status";
import { recordAudit } from "@/lib/audit";
import type { DocumentViewer } from "@/lib/auth/scopes";
import { type Db, db as defaultDb, type Tx } from "@/lib/db";
import { checkUpload, documentChange, sanitizeFileName, sniffLength, uploadRefusalError } from "@/lib/documents/rules";
import { ZDocumentId } from "@/lib/documents/schemas";
import { type DocumentStorage, documentStorage } from "@/lib/documents/storage";
import { type DocumentSummary, documentSummarySelect } from "@/lib/documents/summary";
import { env } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ApplicationStatus, DocumentKind, DocumentReview, InsuranceStatus } from "@/lib/generated/prisma/enums";
import { logError } from "@/lib/log";

/** What the service writes to; the tests swap in a temporary folder or a failing database. */
export interface DocumentServiceDeps {
  db: Db;
  storage: DocumentStorage;
  maxBytes: number;
}

function withDefaults(deps: Partial<DocumentServiceDeps>): DocumentServiceDeps {
  return {
    db: deps.db ?? defaultDb,
    storage: deps.storage ?? documentStorage(),
    maxBytes: deps.maxBytes ?? env().UPLOAD_MAX_BYTES,
  };
}

/** What the audit keeps of a document: never its bytes or its storage key. */
function auditView(
  applicationId: string,
  document: Pick<DocumentSummary, "kind" | "originalName" | "contentType" | "size"> & { sha256: string },
) {
  return {
    applicationId,
    kind: document.kind,
    originalName: document.originalName,
    contentType: document.contentType,
    size: document.size,
    sha256: document.sha256,
  };
}

/**
 * Locks the student's application row until the transaction ends and checks it is still
 * theirs and that this kind may change now (documentChange: while editable; the home-insurance
 * certificate once accepted, R-HOU-7): a submission racing with an upload
 * either sees the document or makes the upload fail, never commits a dossier whose documents
 * change afterwards; a review of the certificate racing with its replacement waits for it.
 */
async function lockEditableApplication(
  tx: Tx,
  applicationId: string,
  studentId: string,
  kind: DocumentKind,
  /** R-MSG-7: an upload may replace a document the reviewers asked to replace; a deletion may not. */
  upload = false,
): Promise<{ insuranceStatus: InsuranceStatus }> {
  const rows = await tx.$queryRaw<{ status: ApplicationStatus; insuranceStatus: InsuranceStatus }[]>`
    SELECT "status", "insuranceStatus" FROM "Application" WHERE "id" = ${applicationId}::uuid AND "studentId" = ${studentId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new NotFoundError();
  refuseUnlessChangeable(kind, row.status, upload ? await currentReview(tx, applicationId, kind) : "PENDING");
  return { insuranceStatus: row.insuranceStatus };
}

/** The viewer's own application, if they are a student and may still change this kind. */
async function findEditableApplicationOrThrow(
  database: Db,
  viewer: DocumentViewer,
  kind: DocumentKind,
): Promise<{ id: string }> {
  if (viewer.role !== "STUDENT") throw new NotFoundError();
  const application = await database.application.findFirst({
    where: { studentId: viewer.id },
    orderBy: newestApplicationFirst,
    select: { id: true, status: true },
  });
  if (!application) throw new NotFoundError();
  refuseUnlessChangeable(kind, application.status, await currentReview(database, application.id, kind));
  return { id: application.id };
}

/** R-MSG-7: the reviewers' verdict on the application's current document of this kind. */
async function currentReview(database: Db | Tx, applicationId: string, kind: DocumentKind): Promise<DocumentReview> {
  const current = await database.applicationDocument.findUnique({
    where: { applicationId_kind: { applicationId, kind } },
    select: { review: true },
  });
  return current?.review ?? "PENDING";
}

/** A document that may not change answers "not found", unless the student only has to wait. */
function refuseUnlessChangeable(kind: DocumentKind, status: ApplicationStatus, review: DocumentReview): void {
  const change = documentChange(kind, status, review);
  if (change === "notYet") throw new DomainError("insuranceNotYet", {}, "file");
  if (change === "closed") throw new NotFoundError();
}

/**
 * R-HOU-7: a new certificate asks for a new review (SUBMITTED), a removed one leaves the
 * requirement unmet (MISSING); either way the previous review no longer applies. Written in
 * the document's transaction, with its own audit event on the application.
 */
async function setInsuranceStatus(
  tx: Tx,
  change: {
    applicationId: string;
    actorId: string;
    from: InsuranceStatus;
    to: "SUBMITTED" | "MISSING";
    documentId: string;
  },
): Promise<void> {
  await tx.application.update({
    where: { id: change.applicationId },
    data: { insuranceStatus: change.to, insuranceReviewedAt: null, insuranceReviewNote: null },
  });
  await recordAudit(tx, {
    actorId: change.actorId,
    action: change.to === "SUBMITTED" ? "insurance.submitCertificate" : "insurance.removeCertificate",
    entityType: "Application",
    entityId: change.applicationId,
    before: { insuranceStatus: change.from },
    after: { insuranceStatus: change.to, documentId: change.documentId },
  });
}

/** Copies a stream, counting and hashing what passes; fails once it passes `maxBytes`. */
function measure(maxBytes: number, onTooLarge: () => Error) {
  const hash = createHash("sha256");
  let size = 0;
  const transform = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        controller.error(onTooLarge());
        return;
      }
      hash.update(chunk);
      controller.enqueue(chunk);
    },
  });
  return { transform, result: () => ({ size, sha256: hash.digest("hex") }) };
}

/**
 * A student uploads one document of their own application (DRAFT or CHANGES_REQUESTED; the
 * home-insurance certificate also once ACCEPTED, and it then awaits staff's review),
 * replacing the one of the same kind if there is one.
 *
 * Order: authorize, check the content (empty, size, magic bytes, type allowed for the kind),
 * write the file under a random key, then the row and its audit event in one transaction. If
 * the transaction fails the new file is deleted; once it commits, the replaced file is.
 */
export async function uploadDocument(
  viewer: DocumentViewer,
  input: { kind: DocumentKind; file: File },
  deps: Partial<DocumentServiceDeps> = {},
): Promise<DocumentSummary> {
  const { db, storage, maxBytes } = withDefaults(deps);
  const { kind, file } = input;
  const application = await findEditableApplicationOrThrow(db, viewer, kind);

  const head = new Uint8Array(await file.slice(0, sniffLength).arrayBuffer());
  const check = checkUpload({ kind, size: file.size, head, maxBytes });
  if (!check.ok) throw uploadRefusalError(check.reason, file, maxBytes);

  const storageKey = randomUUID();
  const measured = measure(maxBytes, () => uploadRefusalError("tooLarge", file, maxBytes));
  await storage.put(storageKey, file.stream().pipeThrough(measured.transform));
  const { size, sha256 } = measured.result();

  let saved: { document: DocumentSummary; replacedKey: string | null };
  try {
    // The bytes written must be the bytes checked (a Blob's size does not change, but a
    // truncated stream must not pass as the file).
    if (size !== file.size) throw uploadRefusalError(size === 0 ? "empty" : "tooLarge", file, maxBytes);
    saved = await db.$transaction(async (tx) => {
      const locked = await lockEditableApplication(tx, application.id, viewer.id, kind, true);
      const previous = await tx.applicationDocument.findUnique({
        where: { applicationId_kind: { applicationId: application.id, kind } },
        select: { ...documentSummarySelect, sha256: true, storageKey: true },
      });
      if (previous) await tx.applicationDocument.delete({ where: { id: previous.id } });
      const document = await tx.applicationDocument.create({
        data: {
          applicationId: application.id,
          kind,
          originalName: sanitizeFileName(file.name),
          storageKey,
          contentType: check.contentType,
          size,
          sha256,
          uploadedById: viewer.id,
        },
        select: documentSummarySelect,
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: previous ? "document.replace" : "document.upload",
        entityType: "ApplicationDocument",
        entityId: document.id,
        before: previous ? { id: previous.id, ...auditView(application.id, previous) } : undefined,
        after: auditView(application.id, { ...document, sha256 }),
      });
      if (kind === "INSURANCE_CERTIFICATE") {
        await setInsuranceStatus(tx, {
          applicationId: application.id,
          actorId: viewer.id,
          from: locked.insuranceStatus,
          to: "SUBMITTED",
          documentId: document.id,
        });
      }
      return { document, replacedKey: previous?.storageKey ?? null };
    });
  } catch (error) {
    // Nothing orphaned: the row was not written, so neither may the file stay.
    await storage.delete(storageKey).catch((cleanupError: unknown) => logCleanupFailure(storageKey, cleanupError));
    throw error;
  }

  if (saved.replacedKey) {
    const replacedKey = saved.replacedKey;
    await storage.delete(replacedKey).catch((cleanupError: unknown) => logCleanupFailure(replacedKey, cleanupError));
  }
  return saved.document;
}

/**
 * A student removes one document of their own application while they may still change it
 * (the home-insurance certificate: its status goes back to MISSING). The row and its audit
 * event go in one transaction; the file is deleted after the commit.
 */
export async function deleteDocument(
  viewer: DocumentViewer,
  documentId: string,
  deps: Partial<DocumentServiceDeps> = {},
): Promise<void> {
  const { db, storage } = withDefaults(deps);
  if (viewer.role !== "STUDENT" || !ZDocumentId.safeParse(documentId).success) throw new NotFoundError();
  const document = await db.applicationDocument.findFirst({
    where: { id: documentId, application: { studentId: viewer.id } },
    select: { ...documentSummarySelect, applicationId: true, sha256: true, storageKey: true },
  });
  if (!document) throw new NotFoundError();

  await db.$transaction(async (tx) => {
    const locked = await lockEditableApplication(tx, document.applicationId, viewer.id, document.kind);
    // Another tab may have removed or replaced it meanwhile.
    const { count } = await tx.applicationDocument.deleteMany({ where: { id: document.id } });
    if (count === 0) throw new NotFoundError();
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "document.delete",
      entityType: "ApplicationDocument",
      entityId: document.id,
      before: auditView(document.applicationId, document),
    });
    if (document.kind === "INSURANCE_CERTIFICATE") {
      await setInsuranceStatus(tx, {
        applicationId: document.applicationId,
        actorId: viewer.id,
        from: locked.insuranceStatus,
        to: "MISSING",
        documentId: document.id,
      });
    }
  });
  await storage
    .delete(document.storageKey)
    .catch((cleanupError: unknown) => logCleanupFailure(document.storageKey, cleanupError));
}

// The database no longer points at the file: a leftover wastes space but exposes nothing.
function logCleanupFailure(storageKey: string, error: unknown) {
  logError("document.fileLeftBehind", { storageKey, error });
}
