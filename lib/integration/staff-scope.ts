import type { Viewer } from "@/lib/auth/viewer";

/**
 * Whether a member of staff may manage a component's integration data (its mentoring teachers,
 * its students' mentors and sponsors): an admin any, a correspondent their own components.
 */
export function mayManageComponent(viewer: Pick<Viewer, "role" | "componentIds">, componentId: string): boolean {
  if (viewer.role === "ADMIN") return true;
  return viewer.role === "CORRESPONDENT" && viewer.componentIds.includes(componentId);
}
