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
