import "server-only";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";

/** R-INT-1: every FLE course with its component, for the admin's page. */
export async function listFleCoursesForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.fleCourse.findMany({
    orderBy: [{ academicYear: "desc" }, { component: { code: "asc" } }, { title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      academicYear: true,
      title: true,
      schedule: true,
      place: true,
      component: { select: { code: true, nameFr: true, nameEn: true } },
    },
  });
}
