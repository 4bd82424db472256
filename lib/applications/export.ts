import type { QueueRow } from "@/lib/applications/queries";
import type { ColumnSpec } from "@/lib/exports/columns";
import { localized } from "@/lib/i18n/localized";
import { parisWallClock } from "@/lib/paris-time";
import { type AnonymisedLabel, isAnonymised, studentListName } from "@/lib/student-name";

/** The labels the queue's cells need, in the user's language. */
export interface QueueExportLabels {
  locale: string;
  status: (status: QueueRow["status"]) => string;
  period: (period: NonNullable<QueueRow["period"]>) => string;
  level: (level: NonNullable<QueueRow["studyLevel"]>) => string;
  yes: string;
  no: string;
  anonymised: AnonymisedLabel;
}

const yesNo = (value: boolean | null, labels: QueueExportLabels) =>
  value === null ? null : value ? labels.yes : labels.no;

/** The reviewers' queue as a spreadsheet: one row per dossier, the screen's filters applied. */
export function queueExportColumns(labels: QueueExportLabels): ColumnSpec<QueueRow>[] {
  return [
    // An erased person's dossier keeps its facts and says so in the name column.
    { key: "name", type: "text", width: 28, value: (row) => studentListName(row, labels.anonymised) },
    { key: "lastName", type: "text", value: (row) => (isAnonymised(row) ? null : row.lastName) },
    { key: "firstName", type: "text", value: (row) => (isAnonymised(row) ? null : row.firstName) },
    { key: "email", type: "text", width: 30, value: (row) => row.contactEmail },
    { key: "nationality", type: "text", width: 10, value: (row) => row.nationality },
    { key: "university", type: "text", width: 36, value: (row) => row.partner?.name ?? null },
    { key: "universityCode", type: "text", value: (row) => row.partner?.erasmusCode ?? null },
    { key: "country", type: "text", width: 10, value: (row) => row.partner?.country ?? null },
    {
      key: "faculty",
      type: "text",
      width: 30,
      value: (row) => (row.component ? localized(labels.locale, row.component.nameFr, row.component.nameEn) : null),
    },
    { key: "level", type: "text", value: (row) => (row.studyLevel ? labels.level(row.studyLevel) : null) },
    { key: "period", type: "text", value: (row) => (row.period ? labels.period(row.period) : null) },
    { key: "year", type: "number", width: 10, value: (row) => row.academicYear },
    { key: "status", type: "text", value: (row) => labels.status(row.status) },
    { key: "frenchBelow", type: "text", width: 12, value: (row) => yesNo(row.frenchWarning, labels) },
    { key: "housing", type: "text", width: 12, value: (row) => yesNo(row.housingRequested, labels) },
    {
      key: "submitted",
      type: "datetime",
      value: (row) => (row.lastSubmittedAt ? parisWallClock(row.lastSubmittedAt) : null),
    },
  ];
}
