import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";

const listSelect = {
  id: true,
  nameFr: true,
  nameEn: true,
  level: true,
  teachingLanguage: true,
  doubleDegree: true,
  offshore: true,
  yearlyCapacity: true,
  component: { select: { code: true, nameFr: true, nameEn: true } },
  partner: { select: { name: true, city: true, country: true } },
} as const;

/** Admin list (the caller has checked the viewer is an admin). */
export async function listProgrammesForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.programme.findMany({
    orderBy: [{ component: { code: "asc" } }, { level: "asc" }, { nameEn: "asc" }],
    select: { ...listSelect, component: { select: { code: true } } },
  });
}

/** Null when there is no such row (or the id is not even a UUID: the page answers 404). */
export async function getProgrammeForEdit(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  return db.programme.findUnique({
    where: { id },
    select: {
      id: true,
      componentId: true,
      nameFr: true,
      nameEn: true,
      level: true,
      teachingLanguage: true,
      doubleDegree: true,
      offshore: true,
      yearlyCapacity: true,
      partnerId: true,
    },
  });
}

/**
 * R-ELI-7: double degrees and offshore programmes, public (they are listed, and set up with
 * the DRI cooperation managers, not applied to through the form).
 */
export function listDoubleDegreeAndOffshoreProgrammes() {
  return db.programme.findMany({
    where: { OR: [{ doubleDegree: true }, { offshore: true }] },
    orderBy: [{ partner: { name: "asc" } }, { level: "asc" }, { nameEn: "asc" }],
    select: listSelect,
  });
}
