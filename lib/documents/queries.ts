import "server-only";
import { type DocumentViewer, documentScope } from "@/lib/auth/scopes";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { AuthorisedFile } from "@/lib/documents/download";
import { downloadFileName, isDocumentContentType } from "@/lib/documents/rules";
import { ZDocumentId } from "@/lib/documents/schemas";
import { type DocumentSummary, documentSummarySelect } from "@/lib/documents/summary";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";

/**
 * The documents of one application that the viewer may see (the signed-in viewer unless one
 * is given), in the order of the DocumentKind enum. An application the viewer may not see
 * yields an empty list.
 */
export async function listDocumentsForViewer(
  applicationId: string,
  viewer?: DocumentViewer | null,
): Promise<DocumentSummary[]> {
  const who = viewer === undefined ? await getViewer() : viewer;
  if (!who || !ZDocumentId.safeParse(applicationId).success) return [];
  return db.applicationDocument.findMany({
    where: { AND: [documentScope(who), { applicationId }] },
    orderBy: { kind: "asc" },
    select: documentSummarySelect,
  });
}

/** The largest accepted upload, for the upload component's hint and its early check. */
export function getUploadMaxBytes(): number {
  return env().UPLOAD_MAX_BYTES;
}

/**
 * A document to download, if the viewer may read it (NotFoundError otherwise, whatever the
 * reason): its summary, the name to offer (extension matching the content) and its bytes.
 */
export async function openDocumentForViewer(
  viewer: DocumentViewer | null,
  documentId: string,
): Promise<{ document: DocumentSummary } & AuthorisedFile> {
  if (!viewer || !ZDocumentId.safeParse(documentId).success) throw new NotFoundError();
  const found = await db.applicationDocument.findFirst({
    where: { AND: [documentScope(viewer), { id: documentId }] },
    select: { ...documentSummarySelect, storageKey: true },
  });
  if (!found) throw new NotFoundError();
  const { storageKey, ...document } = found;
  const contentType = isDocumentContentType(document.contentType) ? document.contentType : "application/octet-stream";
  const fileName = isDocumentContentType(document.contentType)
    ? downloadFileName(document.originalName, document.contentType)
    : document.originalName;
  // The bytes are read by the route (lib/documents/download.ts): a row without its file is a
  // server fault there (StoredObjectMissingError), logged, not a 404.
  return { document, storageKey, fileName, contentType, size: document.size };
}
