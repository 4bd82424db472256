import { staffScope } from "@/lib/applications/scope";
import type { Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What the documents' authorization looks at; a full Viewer fits. */
export type DocumentViewer = Pick<Viewer, "id" | "role" | "componentIds">;

/** What a screen (and the upload's JSON answer) shows of a document: never its storage key. */
export const documentSummarySelect = {
  id: true,
  kind: true,
  originalName: true,
  size: true,
  contentType: true,
  createdAt: true,
} satisfies Prisma.ApplicationDocumentSelect;
export type DocumentSummary = Prisma.ApplicationDocumentGetPayload<{ select: typeof documentSummarySelect }>;

/**
 * The documents a viewer may read: a student their own; staff those of the applications they
 * may review (staffScope: their components', once submitted). Everything else is "not
 * found", exactly like a document that does not exist.
 */
export function documentScope(viewer: DocumentViewer): Prisma.ApplicationDocumentWhereInput {
  return viewer.role === "STUDENT" ? { application: { studentId: viewer.id } } : { application: staffScope(viewer) };
}
