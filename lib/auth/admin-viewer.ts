import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";

/**
 * Reads only an administrator may make, across the whole portal (reference data, accounts, the
 * audit trail), take the admin viewer as proof: no page can call them without having checked
 * the role, and a caller that forgets is refused rather than served.
 */
export type AdminViewer = Pick<Viewer, "role">;

export function assertAdminViewer(viewer: AdminViewer): void {
  if (viewer.role !== "ADMIN") throw new DomainError("forbidden");
}
