import type { ColumnSpec } from "@/lib/exports/columns";
import type { HousingCity, HousingStatus } from "@/lib/generated/prisma/client";
import type { HousingExportRow } from "@/lib/housing/board/queries";
import { localized } from "@/lib/i18n/localized";
import { parisWallClock } from "@/lib/paris-time";
import { type AnonymisedLabel, isAnonymised, studentListName } from "@/lib/student-name";

export interface HousingExportLabels {
  locale: string;
  round: string;
  status: (status: HousingStatus) => string;
  city: (city: HousingCity) => string;
  anonymised: AnonymisedLabel;
}

const when = (instant: Date | null) => (instant ? parisWallClock(instant) : null);

/** A round's housing decisions, per residence: what the CROUS is sent. */
export function housingExportColumns(labels: HousingExportLabels): ColumnSpec<HousingExportRow>[] {
  const named = (row: HousingExportRow) => !isAnonymised(row.application);
  return [
    { key: "residence", type: "text", width: 30, value: (row) => row.residence?.name ?? null },
    { key: "round", type: "text", width: 20, value: () => labels.round },
    { key: "name", type: "text", width: 28, value: (row) => studentListName(row.application, labels.anonymised) },
    { key: "lastName", type: "text", value: (row) => (named(row) ? row.application.lastName : null) },
    { key: "firstName", type: "text", value: (row) => (named(row) ? row.application.firstName : null) },
    { key: "email", type: "text", width: 30, value: (row) => row.application.contactEmail },
    { key: "nationality", type: "text", width: 10, value: (row) => row.application.nationality },
    {
      key: "faculty",
      type: "text",
      width: 30,
      value: (row) =>
        row.application.component
          ? localized(labels.locale, row.application.component.nameFr, row.application.component.nameEn)
          : null,
    },
    { key: "decision", type: "text", value: (row) => labels.status(row.status) },
    { key: "city", type: "text", value: (row) => labels.city(row.cityPreference) },
    { key: "waitlistPosition", type: "number", width: 10, value: (row) => row.waitlistPosition },
    { key: "requested", type: "datetime", value: (row) => when(row.requestedAt) },
    { key: "decided", type: "datetime", value: (row) => when(row.decidedAt) },
  ];
}
