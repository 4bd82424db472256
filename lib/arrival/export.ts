import { type ArrivalRow, arrivalDossier } from "@/lib/arrival/queries";
import type { ColumnSpec } from "@/lib/exports/columns";
import { localized } from "@/lib/i18n/localized";
import { dayToDate } from "@/lib/paris-time";
import { type AnonymisedLabel, isAnonymised, studentListName } from "@/lib/student-name";

export interface ArrivalExportLabels {
  locale: string;
  status: (status: ArrivalRow["status"]) => string;
  anonymised: AnonymisedLabel;
}

/** The arrivals list as a spreadsheet: days as dates, the status as the screen names it. */
export function arrivalExportColumns(labels: ArrivalExportLabels): ColumnSpec<ArrivalRow>[] {
  const named = (row: ArrivalRow) => !isAnonymised(arrivalDossier(row));
  return [
    // An erased person's dossier keeps its facts and says so in the name column.
    {
      key: "name",
      type: "text",
      width: 28,
      value: (row) => studentListName(arrivalDossier(row), labels.anonymised),
    },
    { key: "lastName", type: "text", value: (row) => (named(row) ? row.lastName : null) },
    { key: "firstName", type: "text", value: (row) => (named(row) ? row.firstName : null) },
    { key: "email", type: "text", width: 30, value: (row) => (named(row) ? row.email : null) },
    {
      key: "faculty",
      type: "text",
      width: 30,
      value: (row) => (row.component ? localized(labels.locale, row.component.nameFr, row.component.nameEn) : null),
    },
    { key: "year", type: "number", width: 10, value: (row) => row.academicYear },
    { key: "nationality", type: "text", width: 10, value: (row) => row.nationality },
    { key: "visa", type: "text", value: (row) => row.visaType },
    { key: "arrival", type: "date", value: (row) => (row.arrivalDay ? dayToDate(row.arrivalDay) : null) },
    {
      key: "deadline",
      type: "date",
      value: (row) => (row.deadline?.deadline ? dayToDate(row.deadline.deadline) : null),
    },
    {
      key: "daysLeft",
      type: "number",
      width: 10,
      value: (row) => (row.deadline && row.status !== "DONE" ? row.deadline.daysLeft : null),
    },
    {
      key: "steps",
      type: "text",
      width: 10,
      value: (row) => (row.stepsTotal ? `${row.stepsDone}/${row.stepsTotal}` : null),
    },
    { key: "status", type: "text", value: (row) => labels.status(row.status) },
  ];
}
