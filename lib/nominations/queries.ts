import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { nominationScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cursorTime, decodeCursor, encodeCursor } from "@/lib/keyset-cursor";
import type { TNominationListQuery } from "@/lib/nominations/schemas";

/** The names the import preview shows for the ids it read (partners, faculties). */
export async function getNominationImportNames(viewer: AdminViewer, locale: "fr" | "en") {
  assertAdminViewer(viewer);
  const [partners, components] = await Promise.all([
    db.partnerInstitution.findMany({ select: { id: true, name: true } }),
    db.component.findMany({ select: { id: true, nameFr: true, nameEn: true } }),
  ]);
  return {
    partners: Object.fromEntries(partners.map((partner) => [partner.id, partner.name])),
    components: Object.fromEntries(
      components.map((component) => [component.id, locale === "fr" ? component.nameFr : component.nameEn]),
    ),
  };
}

/**
 * R-ELI-2: the nominations a reviewer may attach to a dossier that has none: the student's own
 * (recorded for their account or their address), not attached to another application yet. The
 * caller has read the dossier within the viewer's scope.
 */
export async function listAttachableNominations(student: { id: string; email: string }) {
  return db.nomination.findMany({
    where: { OR: [{ studentId: student.id }, { email: student.email.toLowerCase() }], application: null },
    orderBy: [{ academicYear: "desc" }, { createdAt: "desc" }],
    select: { id: true, academicYear: true, period: true, partner: { select: { name: true } } },
  });
}

/** Nominations per page of the staff's list. */
export const nominationPageSize = 50;

const nominationListSelect = {
  id: true,
  studentName: true,
  email: true,
  studyLevel: true,
  period: true,
  academicYear: true,
  homeCoordinatorName: true,
  source: true,
  createdAt: true,
  partner: { select: { name: true, erasmusCode: true, country: true } },
  component: { select: { nameFr: true, nameEn: true } },
  application: { select: { id: true, status: true } },
} satisfies Prisma.NominationSelect;

export type NominationListRow = Prisma.NominationGetPayload<{ select: typeof nominationListSelect }>;

/**
 * R-ELI-2: the partners' nominations the viewer may see (a correspondent: their components'; an
 * admin: all), newest first, with the screen's filters; keyset-paged, so the export reads page
 * after page with the same filters and scope, its memory flat.
 */
export async function listNominations(
  viewer: Pick<Viewer, "role" | "componentIds">,
  query: TNominationListQuery,
  take = nominationPageSize,
): Promise<{ rows: NominationListRow[]; nextCursor: string | null }> {
  const [time, id] = decodeCursor(query.after, 2) ?? [];
  const createdAt = cursorTime(time);
  // A forged cursor whose id is no uuid reads as none (the list starts over), not a database error.
  const after: Prisma.NominationWhereInput =
    createdAt && id && z.uuid().safeParse(id).success
      ? { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] }
      : {};
  const rows = await db.nomination.findMany({
    where: {
      AND: [
        nominationScope(viewer),
        {
          academicYear: query.year,
          period: query.period,
          componentId: query.component,
          application: query.attached === "yes" ? { isNot: null } : query.attached === "no" ? { is: null } : undefined,
        },
        after,
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: nominationListSelect,
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > take && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}
