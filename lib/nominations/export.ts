import type { ColumnSpec } from "@/lib/exports/columns";
import type { ApplicationStatus, NominationSource, StudyLevel, StudyPeriod } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/i18n/localized";
import type { NominationListRow } from "@/lib/nominations/queries";
import { parisWallClock } from "@/lib/paris-time";

/** The labels the nominations' cells need, in the user's language. */
export interface NominationExportLabels {
  locale: string;
  level: (level: StudyLevel) => string;
  period: (period: StudyPeriod) => string;
  source: (source: NominationSource) => string;
  /** The attached dossier's status; none attached yet reads as `notApplied`. */
  status: (status: ApplicationStatus) => string;
  notApplied: string;
}

/** The partners' nominations as a spreadsheet: one row per nomination, the screen's filters applied. */
export function nominationExportColumns(labels: NominationExportLabels): ColumnSpec<NominationListRow>[] {
  return [
    { key: "name", type: "text", width: 28, value: (row) => row.studentName },
    { key: "email", type: "text", width: 30, value: (row) => row.email },
    { key: "university", type: "text", width: 36, value: (row) => row.partner.name },
    { key: "universityCode", type: "text", value: (row) => row.partner.erasmusCode },
    { key: "country", type: "text", width: 10, value: (row) => row.partner.country },
    {
      key: "faculty",
      type: "text",
      width: 30,
      value: (row) => localized(labels.locale, row.component.nameFr, row.component.nameEn),
    },
    { key: "level", type: "text", value: (row) => labels.level(row.studyLevel) },
    { key: "period", type: "text", value: (row) => labels.period(row.period) },
    { key: "year", type: "number", width: 10, value: (row) => row.academicYear },
    { key: "coordinator", type: "text", width: 28, value: (row) => row.homeCoordinatorName },
    { key: "source", type: "text", value: (row) => labels.source(row.source) },
    {
      key: "dossier",
      type: "text",
      value: (row) => (row.application ? labels.status(row.application.status) : labels.notApplied),
    },
    { key: "recorded", type: "datetime", value: (row) => parisWallClock(row.createdAt) },
  ];
}
