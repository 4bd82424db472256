import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { type Db, db, type Tx } from "@/lib/db";
import { Semester } from "@/lib/generated/prisma/enums";

// Residences and their rooms. The admin pages' callers have checked the viewer is an admin
// (requireRole); the rooms per semester are reference data any staff page may read.

/** The admin list, with the rooms of one academic year (tens of rows). */
export async function listResidencesForAdmin(viewer: AdminViewer, academicYear: number) {
  assertAdminViewer(viewer);
  return db.residence.findMany({
    orderBy: [{ city: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      city: true,
      address: true,
      capacities: { where: { academicYear }, select: { semester: true, rooms: true } },
    },
  });
}

/** Null when there is no such row (or the id is not even a UUID: the page answers 404). */
export async function getResidenceForEdit(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  return db.residence.findUnique({ where: { id }, select: { id: true, name: true, city: true, address: true } });
}

/** The choices of a residence select, by city then name. */
export function listResidenceOptions() {
  return db.residence.findMany({
    orderBy: [{ city: "asc" }, { name: "asc" }],
    select: { id: true, name: true, city: true },
  });
}

/**
 * R-HOU-1: the requests ACCEPTED per residence, academic year and semester (the semester of
 * the request's round), for the given years (and one residence, or one semester).
 */
export async function countAcceptedRequests(
  filter: { academicYears: number[]; semester?: Semester; residenceId?: string },
  client: Db | Tx = db,
) {
  const rounds = await client.housingRound.findMany({
    where: { academicYear: { in: filter.academicYears }, ...(filter.semester ? { semester: filter.semester } : {}) },
    select: { id: true, academicYear: true, semester: true },
  });
  if (rounds.length === 0) return [];
  const groups = await client.housingRequest.groupBy({
    by: ["roundId", "residenceId"],
    where: {
      roundId: { in: rounds.map((round) => round.id) },
      status: "ACCEPTED",
      residenceId: filter.residenceId ?? { not: null },
    },
    _count: { _all: true },
  });
  const roundById = new Map(rounds.map((round) => [round.id, round]));
  return groups.map((group) => {
    const round = roundById.get(group.roundId)!;
    return {
      residenceId: group.residenceId!,
      academicYear: round.academicYear,
      semester: round.semester,
      accepted: group._count._all,
    };
  });
}

/**
 * One residence's rooms and accepted requests for each semester of the given academic years,
 * in order (year, then S1 before S2). `rooms` is null when none were set (no room, then).
 */
export async function getCapacityTable(viewer: AdminViewer, residenceId: string, academicYears: number[]) {
  assertAdminViewer(viewer);
  const [capacities, accepted] = await Promise.all([
    db.residenceCapacity.findMany({
      where: { residenceId, academicYear: { in: academicYears } },
      select: { academicYear: true, semester: true, rooms: true },
    }),
    countAcceptedRequests({ academicYears, residenceId }),
  ]);
  const same = (year: number, semester: Semester) => (row: { academicYear: number; semester: Semester }) =>
    row.academicYear === year && row.semester === semester;
  return academicYears.flatMap((academicYear) =>
    Object.values(Semester).map((semester) => ({
      academicYear,
      semester,
      rooms: capacities.find(same(academicYear, semester))?.rooms ?? null,
      accepted: accepted.find(same(academicYear, semester))?.accepted ?? 0,
    })),
  );
}

/**
 * Every residence with its rooms, accepted requests and free rooms for one academic year and
 * semester (R-HOU-1), by city then name: what the housing board and the allocation
 * suggestion start from. Reads without locking: a decision re-checks under its lock.
 */
export async function listResidenceRooms(academicYear: number, semester: Semester, client: Db | Tx = db) {
  const [residences, accepted] = await Promise.all([
    client.residence.findMany({
      orderBy: [{ city: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        city: true,
        capacities: { where: { academicYear, semester }, select: { rooms: true } },
      },
    }),
    countAcceptedRequests({ academicYears: [academicYear], semester }, client),
  ]);
  return residences.map(({ capacities, ...residence }) => {
    const rooms = capacities[0]?.rooms ?? 0;
    const taken = accepted.find((row) => row.residenceId === residence.id)?.accepted ?? 0;
    return { ...residence, rooms, accepted: taken, free: Math.max(0, rooms - taken) };
  });
}
