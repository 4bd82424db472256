import type { ColumnSpec } from "@/lib/exports/columns";
import type { ResidenceCity } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/i18n/localized";
import { parisWallClock } from "@/lib/paris-time";
import { type AnonymisedLabel, isAnonymised, studentListName } from "@/lib/student-name";
import type { AttendeeRow } from "@/lib/welcome-desk/queries";

export interface AttendeeExportLabels {
  locale: string;
  desk: (city: ResidenceCity, placeName: string | null) => string;
  anonymised: AnonymisedLabel;
}

/** The welcome desk's attendees per slot: who to expect, and when. */
export function attendeeExportColumns(labels: AttendeeExportLabels): ColumnSpec<AttendeeRow>[] {
  const named = (row: AttendeeRow) => !isAnonymised(row.application);
  return [
    { key: "desk", type: "text", width: 30, value: (row) => labels.desk(row.slot.desk.city, row.slot.desk.placeName) },
    { key: "slot", type: "datetime", value: (row) => parisWallClock(row.slot.startsAt) },
    { key: "slotEnd", type: "datetime", value: (row) => parisWallClock(row.slot.endsAt) },
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
    { key: "booked", type: "datetime", value: (row) => parisWallClock(row.createdAt) },
  ];
}
