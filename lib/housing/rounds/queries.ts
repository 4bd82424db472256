import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";

/**
 * Housing release rounds (R-HOU-3) as the administration edits them: a few per year. Each
 * read takes the admin viewer as proof, so no page can call it without having checked the role.
 */

const roundSelect = {
  id: true,
  academicYear: true,
  semester: true,
  releaseAt: true,
  policy: true,
  releasedAt: true,
  _count: { select: { requests: true } },
} as const;

/** Newest academic year first, then semester 1 before semester 2. */
export async function listHousingRoundsForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.housingRound.findMany({ orderBy: [{ academicYear: "desc" }, { semester: "asc" }], select: roundSelect });
}

/** Null when there is no such row (or the id is not even a UUID: the page answers 404). */
export async function getHousingRoundForEdit(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  return db.housingRound.findUnique({ where: { id }, select: roundSelect });
}

/** The (year, semester) pairs that have a round, from a year on: to propose the next one to create. */
export async function listRoundKeys(viewer: AdminViewer, fromAcademicYear: number) {
  assertAdminViewer(viewer);
  return db.housingRound.findMany({
    where: { academicYear: { gte: fromAcademicYear } },
    select: { academicYear: true, semester: true },
  });
}
