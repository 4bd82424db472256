import type { ColumnSpec } from "@/lib/exports/columns";
import { studentColumns } from "@/lib/exports/student-columns";
import type { ResidenceCity } from "@/lib/generated/prisma/enums";
import { parisWallClock } from "@/lib/paris-time";
import type { AnonymisedLabel } from "@/lib/student-name";
import type { AttendeeRow } from "@/lib/welcome-desk/queries";

export interface AttendeeExportLabels {
  locale: string;
  desk: (city: ResidenceCity, placeName: string | null) => string;
  anonymised: AnonymisedLabel;
}

/** The welcome desk's attendees per slot: who to expect, and when. */
export function attendeeExportColumns(labels: AttendeeExportLabels): ColumnSpec<AttendeeRow>[] {
  return [
    { key: "desk", type: "text", width: 30, value: (row) => labels.desk(row.slot.desk.city, row.slot.desk.placeName) },
    { key: "slot", type: "datetime", value: (row) => parisWallClock(row.slot.startsAt) },
    { key: "slotEnd", type: "datetime", value: (row) => parisWallClock(row.slot.endsAt) },
    ...studentColumns((row: AttendeeRow) => row.application, labels),
    { key: "booked", type: "datetime", value: (row) => parisWallClock(row.createdAt) },
  ];
}
