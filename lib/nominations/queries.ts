import "server-only";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";

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
