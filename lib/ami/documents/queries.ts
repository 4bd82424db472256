import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { downloadFileName, isDocumentContentType } from "@/lib/documents/rules";
import { type DocumentStorage, documentStorage } from "@/lib/documents/storage";
import { NotFoundError } from "@/lib/errors";

const summarySelect = { id: true, kind: true, originalName: true, size: true, contentType: true } as const;

/**
 * Who may read an AMI application's documents: its student, and the international office
 * (admins) once it is submitted. Anyone else reads nothing.
 */
function amiDocumentScope(viewer: Pick<Viewer, "id" | "role">) {
  if (viewer.role === "AMU_STUDENT") return { application: { studentId: viewer.id } };
  if (viewer.role === "ADMIN") return { application: { status: { not: "DRAFT" as const } } };
  return { id: { in: [] as string[] } };
}

/** The documents of one AMI application the viewer may see. */
export async function listAmiDocuments(viewer: Pick<Viewer, "id" | "role">, applicationId: string) {
  return db.amiDocument.findMany({
    where: { AND: [amiDocumentScope(viewer), { applicationId }] },
    select: summarySelect,
    orderBy: { kind: "asc" },
  });
}

/** A document to download, if the viewer may read it (NotFoundError otherwise, whatever the reason). */
export async function openAmiDocumentForViewer(
  viewer: Pick<Viewer, "id" | "role"> | null,
  id: string,
  storage: DocumentStorage = documentStorage(),
) {
  if (!viewer || !z.uuid().safeParse(id).success) throw new NotFoundError();
  const found = await db.amiDocument.findFirst({
    where: { AND: [amiDocumentScope(viewer), { id }] },
    select: { ...summarySelect, storageKey: true },
  });
  if (!found) throw new NotFoundError();
  const body = await storage.get(found.storageKey);
  const contentType = isDocumentContentType(found.contentType) ? found.contentType : "application/octet-stream";
  const fileName = isDocumentContentType(found.contentType)
    ? downloadFileName(found.originalName, found.contentType)
    : found.originalName;
  return { size: found.size, fileName, contentType, body };
}
