import "server-only";
import { db } from "@/lib/db";

// Reference data for the admin pages; every list is ordered for reading, and small (tens of rows).

export function listComponents() {
  return db.component.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, nameFr: true, nameEn: true, correspondents: { select: { name: true }, orderBy: { name: "asc" } } },
  });
}

export function listPartners() {
  return db.partnerInstitution.findMany({
    orderBy: [{ country: "asc" }, { name: "asc" }],
    select: { id: true, name: true, country: true, city: true, erasmusCode: true, _count: { select: { agreements: true } } },
  });
}

export function listAgreements() {
  return db.agreement.findMany({
    orderBy: [{ partner: { name: "asc" } }, { firstAcademicYear: "asc" }],
    select: {
      id: true,
      kind: true,
      studyLevels: true,
      firstAcademicYear: true,
      lastAcademicYear: true,
      incomingSeatsPerYear: true,
      partner: { select: { name: true } },
      components: { select: { code: true }, orderBy: { code: "asc" } },
    },
  });
}

export function listProgrammes() {
  return db.programme.findMany({
    orderBy: [{ component: { code: "asc" } }, { level: "asc" }, { nameEn: "asc" }],
    select: {
      id: true,
      nameFr: true,
      nameEn: true,
      level: true,
      teachingLanguage: true,
      doubleDegree: true,
      yearlyCapacity: true,
      component: { select: { code: true } },
      partner: { select: { name: true } },
    },
  });
}

/** The components a correspondent reviews for, with how many agreements cover each this year. */
export function listComponentsOfCorrespondent(componentIds: string[], academicYear: number) {
  return db.component.findMany({
    where: { id: { in: componentIds } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      nameFr: true,
      nameEn: true,
      _count: {
        select: { agreements: { where: { firstAcademicYear: { lte: academicYear }, lastAcademicYear: { gte: academicYear } } } },
      },
    },
  });
}
