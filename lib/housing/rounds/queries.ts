import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";

/**
 * Housing release rounds (R-HOU-3) as the administration edits them: a few per year. Each
 * read takes the admin viewer as proof, so no page can call it without having checked the role.
 */

type AdminViewer = Pick<Viewer, "role">;

function assertAdmin(viewer: AdminViewer) {
  if (viewer.role !== "ADMIN") throw new DomainError("forbidden");
}

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
  assertAdmin(viewer);
  return db.housingRound.findMany({ orderBy: [{ academicYear: "desc" }, { semester: "asc" }], select: roundSelect });
}

/** Null when there is no such row (or the id is not even a UUID: the page answers 404). */
export async function getHousingRoundForEdit(viewer: AdminViewer, id: string) {
  assertAdmin(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  return db.housingRound.findUnique({ where: { id }, select: roundSelect });
}

/** The (year, semester) pairs that have a round, from a year on: to propose the next one to create. */
export async function listRoundKeys(viewer: AdminViewer, fromAcademicYear: number) {
  assertAdmin(viewer);
  return db.housingRound.findMany({
    where: { academicYear: { gte: fromAcademicYear } },
    select: { academicYear: true, semester: true },
  });
}
