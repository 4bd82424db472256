import "server-only";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { exportStudentSelect } from "@/lib/exports/student-columns";
import type { HousingStatus, Prisma } from "@/lib/generated/prisma/client";
import { nextOnWaitlist } from "@/lib/housing/board/rules";
import type { TBoardQuery } from "@/lib/housing/board/schemas";
import { lastReopened } from "@/lib/housing/reopened";
import { cursorTime, decodeCursor, encodeCursor } from "@/lib/keyset-cursor";
import { listResidenceRooms } from "@/lib/residences/queries";
import { applicationSearch } from "@/lib/search-key";

type StaffViewer = Pick<Viewer, "id" | "role" | "componentIds">;

export const boardPageSize = 50;

/** The round the board opens on: the next one to release, else the most recent. */
async function defaultRoundId(): Promise<string | null> {
  const next = await db.housingRound.findFirst({
    where: { releasedAt: null },
    orderBy: { releaseAt: "asc" },
    select: { id: true },
  });
  if (next) return next.id;
  return (await db.housingRound.findFirst({ orderBy: { releaseAt: "desc" }, select: { id: true } }))?.id ?? null;
}

/**
 * The housing board of one round: rooms per residence (capacity is shared by all faculties),
 * the requests of the viewer's scope with their dossier's status, and for each residence with
 * a free room the waitlisted request it would go to (R-HOU-1, waitlist).
 */
export async function getHousingBoard(viewer: StaffViewer, query: TBoardQuery, pageSize = boardPageSize) {
  const roundId = query.round ?? (await defaultRoundId());
  if (!roundId) return null;
  const round = await db.housingRound.findUnique({ where: { id: roundId } });
  if (!round) return null;
  const scope = { roundId, application: staffScope(viewer) };
  const sort = query.sort ?? "oldest";
  const search = await applicationSearch(query.q);

  const [allResidences, requests, counts, waitlisted] = await Promise.all([
    listResidenceRooms(round.academicYear, round.semester),
    db.housingRequest.findMany({
      where: { AND: [requestFilters(scope, query, search), afterCursor(sort, query.after)] },
      orderBy: [{ requestedAt: sort === "oldest" ? "asc" : "desc" }, { id: sort === "oldest" ? "asc" : "desc" }],
      take: pageSize + 1,
      select: {
        id: true,
        status: true,
        cityPreference: true,
        needs: true,
        requestedAt: true,
        rank: true,
        waitlistPosition: true,
        notifiedStatus: true,
        residence: { select: { id: true, name: true } },
        application: { select: { id: true, firstName: true, lastName: true, status: true } },
      },
    }),
    db.housingRequest.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.housingRequest.findMany({
      where: { ...scope, status: "WAITLISTED" },
      select: {
        id: true,
        waitlistPosition: true,
        requestedAt: true,
        cityPreference: true,
        application: { select: { id: true, firstName: true, lastName: true } },
      },
    }),
  ]);

  // Residences with rooms this semester (or with requests still accepted in them).
  const residences = allResidences.filter((residence) => residence.rooms > 0 || residence.accepted > 0);
  // A freed room goes to the next waitlisted request of its city; staff confirm.
  const offers: { residenceId: string; residence: string; request: (typeof waitlisted)[number] }[] = [];
  const taken = new Set<string>();
  for (const residence of residences) {
    for (let room = 0; room < residence.free; room++) {
      const next = nextOnWaitlist(
        waitlisted.filter((request) => !taken.has(request.id)),
        residence.city,
      );
      if (!next) break;
      taken.add(next.id);
      offers.push({ residenceId: residence.id, residence: residence.name, request: next });
    }
  }
  // R-HOU-1: pending requests a resubmission sent back, and what they had (staff see it all).
  const reopened = await lastReopened(requests.filter((request) => request.status === "PENDING").map((r) => r.id));
  const hasMore = requests.length > pageSize;
  const page = hasMore ? requests.slice(0, pageSize) : requests;
  const last = page[page.length - 1];
  return {
    round,
    residences,
    nextCursor: hasMore && last ? encodeCursor([last.requestedAt.toISOString(), last.id]) : null,
    requests: page.map((request) => ({
      ...request,
      reopened: request.status === "PENDING" ? (reopened.get(request.id) ?? null) : null,
    })),
    counts: Object.fromEntries(counts.map((group) => [group.status, group._count._all])) as Partial<
      Record<HousingStatus, number>
    >,
    offers,
  };
}

/** The decision, the city wished and the search (folded as the queue searches: lib/search-key.ts). */
function requestFilters(
  scope: { roundId: string; application: Prisma.ApplicationWhereInput },
  query: TBoardQuery,
  search: Prisma.ApplicationWhereInput,
): Prisma.HousingRequestWhereInput {
  return {
    roundId: scope.roundId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.city ? { cityPreference: query.city } : {}),
    application: {
      AND: [scope.application, search],
    },
  };
}

/** Requests strictly after the cursor in the board's order (keyset: every page costs the same). */
function afterCursor(sort: "oldest" | "newest", cursor: string | undefined): Prisma.HousingRequestWhereInput {
  const key = decodeCursor(cursor, 2);
  const time = cursorTime(key?.[0]);
  if (!key || !time) return {};
  const id = key[1]!;
  return sort === "oldest"
    ? { OR: [{ requestedAt: { gt: time } }, { requestedAt: time, id: { gt: id } }] }
    : { OR: [{ requestedAt: { lt: time } }, { requestedAt: time, id: { lt: id } }] };
}

/**
 * A round's requests bound for the export: the board's filters (decision, city, search) and
 * one residence if asked, the viewer's scope, grouped by residence then by name, the list the
 * CROUS needs. A round holds one intake's applicants (thousands at most): read in one query,
 * bounded all the same.
 */
export const housingExportLimit = 50_000;

export async function listRoundRequestsForExport(
  viewer: StaffViewer,
  roundId: string,
  query: TBoardQuery & { residence?: string },
) {
  const round = await db.housingRound.findUnique({
    where: { id: roundId },
    select: { academicYear: true, semester: true },
  });
  if (!round) return null;
  const search = await applicationSearch(query.q);
  const rows = await db.housingRequest.findMany({
    where: {
      AND: [
        requestFilters({ roundId, application: staffScope(viewer) }, query, search),
        query.residence ? { residenceId: query.residence } : {},
      ],
    },
    orderBy: [
      { residence: { name: "asc" } },
      { application: { lastName: "asc" } },
      { application: { firstName: "asc" } },
      { id: "asc" },
    ],
    take: housingExportLimit,
    select: {
      status: true,
      cityPreference: true,
      waitlistPosition: true,
      requestedAt: true,
      decidedAt: true,
      residence: { select: { name: true } },
      application: { select: exportStudentSelect },
    },
  });
  return { round, rows };
}
export type HousingExportRow = NonNullable<Awaited<ReturnType<typeof listRoundRequestsForExport>>>["rows"][number];
