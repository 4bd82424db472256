import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";

// Components for the admin pages (the caller has checked the viewer is an admin).

export async function listComponentsForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.component.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      nameFr: true,
      nameEn: true,
      correspondents: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      _count: { select: { agreements: true, programmes: true } },
    },
  });
}

/** Null when there is no such row (or the id is not even a UUID: the page answers 404). */
export async function getComponentForEdit(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  return db.component.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      nameFr: true,
      nameEn: true,
      officeHoursFr: true,
      officeHoursEn: true,
      correspondents: { select: { id: true, name: true, email: true, disabled: true }, orderBy: { name: "asc" } },
    },
  });
}

/** Correspondents who could be attached to a component: enabled, not attached yet. */
export async function listAttachableCorrespondents(viewer: AdminViewer, componentId: string) {
  assertAdminViewer(viewer);
  return db.user.findMany({
    where: { role: "CORRESPONDENT", disabled: false, components: { none: { id: componentId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

/** The choices of a component select or checkbox group. */
export function listComponentOptions() {
  return db.component.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, nameFr: true, nameEn: true },
  });
}

/**
 * No dossier without an owner: the components no enabled correspondent reviews for. A dossier
 * submitted to one goes to the administrators (flagged on the dossier, administrators e-mailed).
 */
export async function listComponentsWithoutCorrespondent(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.component.findMany({
    where: { correspondents: { none: { disabled: false } } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, nameFr: true, nameEn: true },
  });
}
