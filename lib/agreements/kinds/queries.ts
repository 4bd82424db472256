import "server-only";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";

/** R-PAR-1: the kinds of agreement, public data (the catalogue's filter, the admin form). */
export async function listAgreementKinds() {
  return db.agreementKind.findMany({
    orderBy: { code: "asc" },
    select: { code: true, nameFr: true, nameEn: true, coversEveryComponent: true },
  });
}

export type AgreementKindRow = Awaited<ReturnType<typeof listAgreementKinds>>[number];

/** The kinds with how many agreements use each (a kind in use cannot be deleted). */
export async function listAgreementKindsForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.agreementKind.findMany({
    orderBy: { code: "asc" },
    select: {
      code: true,
      nameFr: true,
      nameEn: true,
      coversEveryComponent: true,
      _count: { select: { agreements: true } },
    },
  });
}

/** A kind's name in the reader's language. */
export function kindName(kind: { nameFr: string; nameEn: string }, locale: string): string {
  return locale === "fr" ? kind.nameFr : kind.nameEn;
}
