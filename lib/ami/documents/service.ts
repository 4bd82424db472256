import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { TAmiUploadForm } from "@/lib/ami/documents/schemas";
import { isEditableByStudent } from "@/lib/ami/rules";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { checkUploadAgainst, sanitizeFileName, uploadRefusalError } from "@/lib/documents/rules";
import { type DocumentStorage, documentStorage } from "@/lib/documents/storage";
import { env } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors";
import { logError } from "@/lib/log";

/** Award letters and proofs are scans or PDFs, like an incoming dossier's documents. */
const allowedTypes = ["application/pdf", "image/jpeg", "image/png"] as const;

/**
 * The student uploads a proof of their own AMI application while they may change it (issue 19),
 * stored like any document (lib/documents/storage.ts, checked by lib/documents/rules.ts),
 * replacing the one of the same kind. The file is bounded by the upload limit, so it is read
 * whole to be checked and hashed; the row and its audit event go in one transaction, and a
 * file whose row was not written is deleted.
 */
export async function uploadAmiDocument(
  student: Pick<Viewer, "id">,
  input: TAmiUploadForm,
  requestId: string,
  storage: DocumentStorage = documentStorage(),
  maxBytes = env().UPLOAD_MAX_BYTES,
) {
  const application = await db.amiApplication.findFirst({
    where: { id: input.applicationId, studentId: student.id },
    select: { id: true, status: true },
  });
  if (!application) throw new NotFoundError();
  if (!isEditableByStudent(application.status)) throw new DomainError("amiNotEditable");
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const check = checkUploadAgainst({ allowed: allowedTypes, size: bytes.byteLength, head: bytes, maxBytes });
  if (!check.ok) throw uploadRefusalError(check.reason, input.file, maxBytes);
  const storageKey = randomUUID();
  await storage.put(storageKey, new Blob([bytes]).stream());
  const fields = {
    originalName: sanitizeFileName(input.file.name),
    contentType: check.contentType,
    size: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
  let replacedKey: string | null;
  let saved: { id: string; originalName: string; size: number };
  try {
    ({ saved, replacedKey } = await db.$transaction(async (tx) => {
      // Guarded on the status seen: a submission in between leaves the application unchanged.
      const still = await tx.amiApplication.count({
        where: { id: application.id, status: application.status },
      });
      if (still !== 1) throw new DomainError("amiNotEditable");
      const previous = await tx.amiDocument.findUnique({
        where: { applicationId_kind: { applicationId: application.id, kind: input.kind } },
        select: { id: true, storageKey: true, sha256: true },
      });
      if (previous) await tx.amiDocument.delete({ where: { id: previous.id } });
      const document = await tx.amiDocument.create({
        data: { applicationId: application.id, kind: input.kind, storageKey, ...fields },
        select: { id: true, originalName: true, size: true },
      });
      await recordAudit(tx, {
        actorId: student.id,
        action: previous ? "document.replace" : "document.upload",
        entityType: "AmiDocument",
        entityId: document.id,
        before: previous ? { id: previous.id, sha256: previous.sha256 } : undefined,
        after: { applicationId: application.id, kind: input.kind, ...fields },
        requestId,
      });
      return { saved: document, replacedKey: previous?.storageKey ?? null };
    }));
  } catch (error) {
    await storage.delete(storageKey).catch((cleanup: unknown) => logError("ami.document.cleanup", { error: cleanup }));
    throw error;
  }
  if (replacedKey) {
    const key = replacedKey;
    await storage.delete(key).catch((cleanup: unknown) => logError("ami.document.cleanup", { error: cleanup }));
  }
  return saved;
}
