import type { ColumnSpec } from "@/lib/exports/columns";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localized } from "@/lib/i18n/localized";
import { type AnonymisedLabel, isAnonymised, studentListName } from "@/lib/student-name";

/** What a list row holds of its dossier for the student's columns. */
export const exportStudentSelect = {
  id: true,
  firstName: true,
  lastName: true,
  contactEmail: true,
  nationality: true,
  component: { select: { nameFr: true, nameEn: true } },
} satisfies Prisma.ApplicationSelect;

export interface ExportStudent {
  id: string;
  firstName: string | null;
  lastName: string | null;
  contactEmail: string | null;
  nationality: string | null;
  component: { nameFr: string; nameEn: string } | null;
}

/**
 * The student's columns every list shares (name as lists show it, last and first name, e-mail,
 * nationality, faculty). An erased person's dossier keeps its facts and says so in the name
 * column, its other personal cells empty.
 */
export function studentColumns<Row>(
  studentOf: (row: Row) => ExportStudent,
  labels: { locale: string; anonymised: AnonymisedLabel },
): ColumnSpec<Row>[] {
  const named = (row: Row) => !isAnonymised(studentOf(row));
  return [
    { key: "name", type: "text", width: 28, value: (row) => studentListName(studentOf(row), labels.anonymised) },
    { key: "lastName", type: "text", value: (row) => (named(row) ? studentOf(row).lastName : null) },
    { key: "firstName", type: "text", value: (row) => (named(row) ? studentOf(row).firstName : null) },
    { key: "email", type: "text", width: 30, value: (row) => (named(row) ? studentOf(row).contactEmail : null) },
    { key: "nationality", type: "text", width: 10, value: (row) => studentOf(row).nationality },
    {
      key: "faculty",
      type: "text",
      width: 30,
      value: (row) => {
        const component = studentOf(row).component;
        return component ? localized(labels.locale, component.nameFr, component.nameEn) : null;
      },
    },
  ];
}
