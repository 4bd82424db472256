import "server-only";
import { seatHoldingStatuses } from "@/lib/applications/rules";
import { listArrivals } from "@/lib/arrival/queries";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { type ArrivalGroup, acceptanceRate, arrivalGroup, perCall, statisticsScope } from "@/lib/statistics/rules";

type StaffViewer = Pick<Viewer, "role" | "componentIds">;

/** Arrivals are tallied from the arrivals list (their status depends on today): one year's accepted students. */
const arrivalTallyLimit = 50_000;

/**
 * The statistics of one academic year inside the viewer's scope (a correspondent: their
 * components; an admin: all), the same scope as the lists. Counts are SQL aggregates
 * (GROUP BY on indexed columns); only names are joined in memory (partners, components,
 * residences are hundreds at most).
 */
export async function getStatistics(viewer: StaffViewer, academicYear: number, now = new Date()) {
  const scope = statisticsScope(viewer, academicYear);
  const [groups, callGroups, calls, partners, components, agreements, rooms, offers, arrivals] = await Promise.all([
    // One scan for four counts: status × partner × component groups (a few thousand at most),
    // tallied below per status, partner, country, component and seats used.
    db.application.groupBy({
      by: ["status", "partnerId", "componentId"],
      where: scope,
      _count: { _all: true },
    }),
    // R-ELI-8: per call and status, on the (callId, status) index; the calls of the year are a handful.
    db.application.groupBy({ by: ["callId", "status"], where: scope, _count: { _all: true } }),
    db.applicationCall.findMany({
      where: { academicYear },
      orderBy: [{ opensAt: "asc" }, { id: "asc" }],
      select: { id: true, period: true, opensAt: true, applicationDeadline: true },
    }),
    db.partnerInstitution.findMany({ select: { id: true, name: true, country: true } }),
    db.component.findMany({
      where: viewer.role === "ADMIN" ? {} : { id: { in: viewer.componentIds } },
      select: { id: true, nameFr: true, nameEn: true },
    }),
    // R-ELI-6: the seats of the agreements active this year (for a correspondent, those
    // covering one of their components).
    db.agreement.groupBy({
      by: ["partnerId"],
      where: {
        status: { not: "TERMINATED" },
        firstAcademicYear: { lte: academicYear },
        lastAcademicYear: { gte: academicYear },
        ...(viewer.role === "ADMIN" ? {} : { components: { some: { id: { in: viewer.componentIds } } } }),
      },
      _sum: { incomingSeatsPerYear: true },
    }),
    db.residenceCapacity.groupBy({ by: ["residenceId"], where: { academicYear }, _sum: { rooms: true } }),
    db.housingRequest.groupBy({
      by: ["residenceId"],
      where: { status: "ACCEPTED", residenceId: { not: null }, application: scope },
      _count: { _all: true },
    }),
    listArrivals(viewer, { academicYear }, now, arrivalTallyLimit),
  ]);
  const residences = await db.residence.findMany({ select: { id: true, name: true } });

  const partnerOf = new Map(partners.map((partner) => [partner.id, partner]));
  const statusCounts: Partial<Record<ApplicationStatus, number>> = {};
  const partnerCounts = new Map<string | null, number>();
  const componentCounts = new Map<string | null, number>();
  const countries = new Map<string, number>();
  const usedOf = new Map<string | null, number>();
  const add = <K>(map: Map<K, number>, key: K, count: number) => map.set(key, (map.get(key) ?? 0) + count);
  for (const row of groups) {
    const count = row._count._all;
    statusCounts[row.status] = (statusCounts[row.status] ?? 0) + count;
    add(partnerCounts, row.partnerId, count);
    add(componentCounts, row.componentId, count);
    add(countries, row.partnerId ? (partnerOf.get(row.partnerId)?.country ?? "") : "", count);
    if (seatHoldingStatuses.includes(row.status)) add(usedOf, row.partnerId, count);
  }
  const offersOf = new Map(offers.map((row) => [row.residenceId, row._count._all]));
  const arrivalCounts: Record<ArrivalGroup, number> = { onTrack: 0, overdue: 0, done: 0, notStarted: 0 };
  for (const row of arrivals.rows) {
    const group = arrivalGroup(row.status);
    if (group) arrivalCounts[group] += 1;
  }

  return {
    academicYear,
    total: groups.reduce((sum, row) => sum + row._count._all, 0),
    byStatus: statusCounts,
    acceptanceRate: acceptanceRate(statusCounts),
    byPartner: [...partnerCounts].map(([partnerId, count]) => ({
      name: partnerId ? (partnerOf.get(partnerId)?.name ?? "") : null,
      count,
    })),
    byCountry: [...countries].map(([country, count]) => ({ country: country || null, count })),
    byComponent: [...componentCounts].map(([componentId, count]) => {
      const component = components.find((candidate) => candidate.id === componentId);
      return { nameFr: component?.nameFr ?? null, nameEn: component?.nameEn ?? null, count };
    }),
    seats: agreements
      .map((row) => ({
        name: partnerOf.get(row.partnerId)?.name ?? "",
        seats: row._sum.incomingSeatsPerYear ?? 0,
        used: usedOf.get(row.partnerId) ?? 0,
      }))
      .sort((a, b) => b.used - a.used || a.name.localeCompare(b.name)),
    housing: rooms
      .map((row) => ({
        name: residences.find((residence) => residence.id === row.residenceId)?.name ?? "",
        rooms: row._sum.rooms ?? 0,
        offered: offersOf.get(row.residenceId) ?? 0,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    byCall: perCall(
      callGroups.map((row) => ({ callId: row.callId, status: row.status, count: row._count._all })),
      calls,
    ),
    arrivals: arrivalCounts,
    arrivalsTruncated: arrivals.truncated,
  };
}
export type Statistics = Awaited<ReturnType<typeof getStatistics>>;
