/**
 * Who may see what, for every feature: the dossiers a member of staff may see and the documents
 * a viewer may read. Queries and services filter with these, so "not found" and "not yours"
 * are one answer.
 */
import type { Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The dossiers a member of staff may see: a correspondent those of their components, an
 * admin all; never a draft (R-ELI workflow: reviewers see a dossier once submitted).
 * Every staff read and decision goes through this filter.
 */
export function staffScope(viewer: Pick<Viewer, "role" | "componentIds">): Prisma.ApplicationWhereInput {
  const submitted: Prisma.ApplicationWhereInput = { status: { not: "DRAFT" } };
  if (viewer.role === "ADMIN") return submitted;
  if (viewer.role === "CORRESPONDENT") return { ...submitted, componentId: { in: viewer.componentIds } };
  // Anyone else sees nothing: an impossible condition rather than an exception.
  return { id: { in: [] } };
}

/** What the documents' authorization looks at; a full Viewer fits. */
export type DocumentViewer = Pick<Viewer, "id" | "role" | "componentIds">;

/**
 * The documents a viewer may read: a student their own; staff those of the applications they
 * may review (staffScope: their components', once submitted). Everything else is "not
 * found", exactly like a document that does not exist.
 */
export function documentScope(viewer: DocumentViewer): Prisma.ApplicationDocumentWhereInput {
  return viewer.role === "STUDENT" ? { application: { studentId: viewer.id } } : { application: staffScope(viewer) };
}

/**
 * The partners' nominations a member of staff may list (R-ELI-2): a correspondent those of their
 * components, an admin all, anyone else none (their list and its export are refused before this).
 */
export function nominationScope(viewer: Pick<Viewer, "role" | "componentIds">): Prisma.NominationWhereInput {
  if (viewer.role === "ADMIN") return {};
  if (viewer.role === "CORRESPONDENT") return { componentId: { in: viewer.componentIds } };
  return { id: { in: [] } };
}
