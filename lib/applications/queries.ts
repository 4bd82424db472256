import "server-only";
import { agreementCovers, seatsForLevel } from "@/lib/agreements/rules";
import { agreementScopeInclude, toAgreementScope } from "@/lib/agreements/scope";
import { newestApplicationFirst } from "@/lib/application-status";
import { type PartnerCoverage, partnerCoverage } from "@/lib/applications/coverage";
import {
  agreementMismatch,
  expectedEcts,
  needsEnglishNote,
  newApplicationBasis,
  seatHoldingStatuses,
  seatUsage,
} from "@/lib/applications/rules";
import type { TPlannedCourse, TQueueQuery } from "@/lib/applications/schemas";
import { timelineActions } from "@/lib/audit-action-labels";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ApplicationStatus, Prisma } from "@/lib/generated/prisma/client";
import { cursorTime, decodeCursor, encodeCursor } from "@/lib/keyset-cursor";
import { applicationSearch } from "@/lib/search-key";
import { findVisaExemptCountries } from "@/lib/visa-exempt-countries";

/** The student's own application as the form needs it (null before the first save). */
export function getOwnApplication(viewer: Viewer) {
  return db.application.findFirst({
    where: { studentId: viewer.id },
    orderBy: newestApplicationFirst,
    include: { documents: { select: { kind: true } } },
  });
}

/** Choices of the form: partners, components, programmes one can apply to (not offshore). */
export async function getApplicationFormOptions() {
  const [partners, components, programmes] = await Promise.all([
    db.partnerInstitution.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, city: true, country: true },
    }),
    db.component.findMany({ orderBy: { code: "asc" }, select: { id: true, nameFr: true, nameEn: true } }),
    db.programme.findMany({
      where: { offshore: false },
      orderBy: [{ level: "asc" }, { nameEn: "asc" }],
      select: {
        id: true,
        componentId: true,
        nameFr: true,
        nameEn: true,
        level: true,
        doubleDegree: true,
        teachingLanguage: true,
      },
    }),
  ]);
  return { partners, components, programmes };
}

/**
 * R-ELI-1 up front: what each partner's agreements cover in the academic years the form offers
 * (public reference data: the partners' catalogue shows as much).
 */
export async function getPartnerCoverages(academicYears: number[]): Promise<Record<string, PartnerCoverage>> {
  const partners = await db.partnerInstitution.findMany({
    select: {
      id: true,
      agreements: {
        select: {
          firstAcademicYear: true,
          lastAcademicYear: true,
          studyLevels: true,
          periods: true,
          components: { select: { id: true } },
        },
      },
    },
  });
  return Object.fromEntries(
    partners.map((partner) => [
      partner.id,
      partnerCoverage(
        partner.agreements.map(({ components, ...agreement }) => ({
          ...agreement,
          componentIds: components.map((component) => component.id),
        })),
        academicYears,
      ),
    ]),
  );
}

const dossierInclude = {
  partner: { select: { name: true, country: true, city: true } },
  component: { select: { nameFr: true, nameEn: true } },
  programme: { select: { nameFr: true, nameEn: true, teachingLanguage: true, doubleDegree: true } },
  documents: { select: { kind: true } },
} satisfies Prisma.ApplicationInclude;

/** The student's own application with the names the summary shows. */
export function getOwnApplicationDetails(viewer: Viewer) {
  return db.application.findFirst({
    where: { studentId: viewer.id },
    orderBy: newestApplicationFirst,
    include: dossierInclude,
  });
}
export type ApplicationDetails = NonNullable<Awaited<ReturnType<typeof getOwnApplicationDetails>>>;

/**
 * R-ELI-9: every application the student made, newest first, with its call, and whether a new
 * one may be started from the newest (after a refusal or withdrawal, or as an extension).
 */
export async function listOwnApplications(viewer: Viewer) {
  const applications = await db.application.findMany({
    where: { studentId: viewer.id },
    orderBy: newestApplicationFirst,
    select: { id: true, status: true, period: true, academicYear: true, createdAt: true, lastSubmittedAt: true },
  });
  return { applications, canStartNew: newApplicationBasis(applications) };
}

/** The student's dossier page: their application, the notes meant for them, the timeline. */
export async function getStudentDossier(viewer: Viewer) {
  const application = await db.application.findFirst({
    where: { studentId: viewer.id },
    orderBy: newestApplicationFirst,
    include: dossierInclude,
  });
  if (!application) return null;
  const [notes, timeline] = await Promise.all([
    db.applicationNote.findMany({
      where: { applicationId: application.id, kind: { not: "INTERNAL_COMMENT" } },
      orderBy: { createdAt: "desc" },
      select: { id: true, kind: true, body: true, createdAt: true },
    }),
    // Status changes, from the audit trail, oldest first: the dossier's timeline.
    db.auditEvent.findMany({
      where: { entityType: "Application", entityId: application.id, action: { in: timelineActions } },
      orderBy: { createdAt: "asc" },
      select: { id: true, action: true, createdAt: true },
    }),
  ]);
  return { application, notes, timeline };
}

// ---------------------------------------------------------------------------------------------
// The reviewers' queue

export const queuePageSize = 25;

type QueueSort = NonNullable<TQueueQuery["sort"]>;

/** The filters of the queue, always inside the viewer's scope (also the export's and the bulk selection's). */
export async function queueWhere(
  viewer: Viewer,
  query: TQueueQuery,
  withStatus: boolean,
): Promise<Prisma.ApplicationWhereInput> {
  return {
    AND: [
      staffScope(viewer),
      withStatus && query.status ? { status: query.status } : {},
      query.period ? { period: query.period } : {},
      query.year ? { academicYear: query.year } : {},
      query.partner ? { partnerId: query.partner } : {},
      query.french === "below" ? { frenchWarning: true } : {},
      query.housing ? { housingRequested: query.housing === "yes" } : {},
      await applicationSearch(query.q),
      query.origin ? await originFilter(query.origin) : {},
    ],
  };
}

/** Europe is the visa-exempt list (EU, EEA, Switzerland); an unknown nationality counts as outside. */
async function originFilter(origin: "europe" | "outsideEurope"): Promise<Prisma.ApplicationWhereInput> {
  const europe = await findVisaExemptCountries(db);
  return origin === "europe"
    ? { nationality: { in: europe } }
    : { OR: [{ nationality: null }, { nationality: { notIn: europe } }] };
}

const orderings: Record<QueueSort, Prisma.ApplicationOrderByWithRelationInput[]> = {
  recent: [{ lastSubmittedAt: "desc" }, { id: "desc" }],
  oldest: [{ lastSubmittedAt: "asc" }, { id: "asc" }],
  name: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
};

type QueueRowKey = { id: string; lastSubmittedAt: Date | null; lastName: string | null; firstName: string | null };

/** The last row's sort key, as the next page's cursor. */
function cursorOf(sort: QueueSort, row: QueueRowKey): string {
  return encodeCursor(
    sort === "name"
      ? [row.lastName ?? "", row.firstName ?? "", row.id]
      : [row.lastSubmittedAt?.toISOString() ?? "", row.id],
  );
}

/** Rows strictly after the cursor in the sort order; a cursor that does not decode starts over. */
function afterCursor(sort: QueueSort, cursor: string | undefined): Prisma.ApplicationWhereInput {
  if (sort === "name") {
    const key = decodeCursor(cursor, 3);
    if (!key) return {};
    const [lastName, firstName, id] = key as [string, string, string];
    return {
      OR: [
        { lastName: { gt: lastName } },
        { lastName, firstName: { gt: firstName } },
        { lastName, firstName, id: { gt: id } },
      ],
    };
  }
  const key = decodeCursor(cursor, 2);
  const time = cursorTime(key?.[0]);
  if (!key || !time) return {};
  const id = key[1]!;
  return sort === "recent"
    ? { OR: [{ lastSubmittedAt: { lt: time } }, { lastSubmittedAt: time, id: { lt: id } }] }
    : { OR: [{ lastSubmittedAt: { gt: time } }, { lastSubmittedAt: time, id: { gt: id } }] };
}

/**
 * One page of the queue, by keyset pagination: the page after a cursor costs the same at the
 * 1st or the 4,000th page (measured in tests/bench/review-queue.bench.test.ts).
 */
export async function listQueue(viewer: Viewer, query: TQueueQuery, pageSize = queuePageSize) {
  const sort = query.sort ?? "recent";
  const rows = await db.application.findMany({
    where: { AND: [await queueWhere(viewer, query, true), afterCursor(sort, query.after)] },
    orderBy: orderings[sort],
    take: pageSize + 1,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      contactEmail: true,
      status: true,
      period: true,
      academicYear: true,
      frenchWarning: true,
      housingRequested: true,
      lastSubmittedAt: true,
      // The screen shows fewer of these; the export (lib/applications/export.ts) all of them.
      nationality: true,
      studyLevel: true,
      partner: { select: { name: true, country: true, erasmusCode: true } },
      component: { select: { nameFr: true, nameEn: true } },
    },
  });
  const hasMore = rows.length > pageSize;
  const page = hasMore ? rows.slice(0, pageSize) : rows;
  return { rows: page, nextCursor: hasMore ? cursorOf(sort, page[page.length - 1]!) : null };
}

export type QueueRow = Awaited<ReturnType<typeof listQueue>>["rows"][number];

/** How many dossiers per status, with the other filters applied. */
export async function countQueueByStatus(
  viewer: Viewer,
  query: TQueueQuery,
): Promise<Partial<Record<ApplicationStatus, number>>> {
  const groups = await db.application.groupBy({
    by: ["status"],
    where: await queueWhere(viewer, query, false),
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}

/** The partners that appear in the viewer's scope, for the queue's filter. */
export function listQueuePartners(viewer: Viewer) {
  return db.partnerInstitution.findMany({
    where: { applications: { some: staffScope(viewer) } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

// ---------------------------------------------------------------------------------------------
// The reviewer's dossier view

/** Everything about one dossier of the viewer's scope, or null (not found, or not theirs). */
export async function getDossierForStaff(viewer: Viewer, id: string) {
  const application = await db.application.findFirst({
    where: { id, ...staffScope(viewer) },
    include: {
      ...dossierInclude,
      student: { select: { email: true, name: true } },
      partner: {
        select: {
          name: true,
          country: true,
          city: true,
          agreements: { include: agreementScopeInclude },
        },
      },
      programme: {
        select: { nameFr: true, nameEn: true, teachingLanguage: true, doubleDegree: true, yearlyCapacity: true },
      },
    },
  });
  if (!application) return null;

  // R-ELI-6: the seats of the agreement that covers this request (informative, never a refusal);
  // when it splits its seats by study level, the seats and the count are those of the level.
  const request =
    application.academicYear && application.componentId && application.studyLevel
      ? {
          academicYear: application.academicYear,
          componentId: application.componentId,
          studyLevel: application.studyLevel,
        }
      : null;
  const agreements = application.partner?.agreements.map(toAgreementScope) ?? [];
  const covering = request ? agreements.find((agreement) => agreementCovers(agreement, request)) : undefined;
  const splitByLevel = Boolean(request && covering?.levelSeats.some((entry) => entry.level === request.studyLevel));

  const [notes, history, seatsUsed] = await Promise.all([
    db.applicationNote.findMany({
      where: { applicationId: application.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
    db.auditEvent.findMany({
      where: { entityType: "Application", entityId: application.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, action: true, createdAt: true, actor: { select: { name: true } } },
    }),
    application.partnerId && application.academicYear
      ? db.application.count({
          where: {
            partnerId: application.partnerId,
            academicYear: application.academicYear,
            status: { in: seatHoldingStatuses },
            ...(splitByLevel ? { studyLevel: application.studyLevel } : {}),
          },
        })
      : Promise.resolve(0),
  ]);
  const courses = (application.plannedCourses as TPlannedCourse[] | null) ?? [];
  const totalEcts = courses.reduce((sum, course) => sum + course.ects, 0);

  return {
    application,
    notes,
    history,
    seats: covering && request ? seatUsage(seatsUsed, seatsForLevel(covering, request.studyLevel)) : null,
    warnings: {
      // No dossier without an owner: no enabled correspondent for its faculty, the admins review it.
      ownerless:
        application.componentId !== null &&
        (await db.user.count({
          where: { role: "CORRESPONDENT", disabled: false, components: { some: { id: application.componentId } } },
        })) === 0,
      french: application.frenchWarning,
      english: needsEnglishNote(application.englishLevel, application.programme?.teachingLanguage ?? null),
      noAgreement: request ? agreementMismatch(agreements, request) : null,
      ects: application.period
        ? totalEcts === expectedEcts(application.period)
          ? null
          : { total: totalEcts, expected: expectedEcts(application.period) }
        : null,
    },
  };
}
