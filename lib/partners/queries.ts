import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";

// Partner institutions for the admin pages: tens of rows, ordered for reading. Callers have
// checked the viewer is an admin (requireRole).

export async function listPartnersForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.partnerInstitution.findMany({
    orderBy: [{ name: "asc" }],
    select: {
      id: true,
      name: true,
      country: true,
      city: true,
      erasmusCode: true,
      networks: { select: { name: true }, orderBy: { name: "asc" } },
      _count: { select: { agreements: true } },
    },
  });
}

/** Null when there is no such row (or the id is not even a UUID: the page answers 404). */
export async function getPartnerForEdit(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  return db.partnerInstitution.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      country: true,
      city: true,
      erasmusCode: true,
      ewpHeiId: true,
      networks: { select: { id: true } },
      _count: { select: { agreements: true, programmes: true, applications: true } },
    },
  });
}

/** The choices of a partner select. */
export function listPartnerOptions() {
  return db.partnerInstitution.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, city: true } });
}
