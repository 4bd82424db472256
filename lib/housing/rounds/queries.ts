import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

// Housing release rounds (R-HOU-3): a few per year. Callers have checked the viewer is an admin.

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
export function listHousingRoundsForAdmin() {
  return db.housingRound.findMany({ orderBy: [{ academicYear: "desc" }, { semester: "asc" }], select: roundSelect });
}

/** Null when there is no such row (or the id is not even a UUID: the page answers 404). */
export async function getHousingRoundForEdit(id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  return db.housingRound.findUnique({ where: { id }, select: roundSelect });
}

/** The (year, semester) pairs that have a round, from a year on: to propose the next one to create. */
export function listRoundKeys(fromAcademicYear: number) {
  return db.housingRound.findMany({
    where: { academicYear: { gte: fromAcademicYear } },
    select: { academicYear: true, semester: true },
  });
}
