import type { ColumnSpec } from "@/lib/exports/columns";
import { studentColumns } from "@/lib/exports/student-columns";
import type { HousingCity, HousingStatus } from "@/lib/generated/prisma/client";
import type { HousingExportRow } from "@/lib/housing/board/queries";
import { parisWallClock } from "@/lib/paris-time";
import type { AnonymisedLabel } from "@/lib/student-name";

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
  return [
    { key: "residence", type: "text", width: 30, value: (row) => row.residence?.name ?? null },
    { key: "round", type: "text", width: 20, value: () => labels.round },
    ...studentColumns((row: HousingExportRow) => row.application, labels),
    { key: "decision", type: "text", value: (row) => labels.status(row.status) },
    { key: "city", type: "text", value: (row) => labels.city(row.cityPreference) },
    { key: "waitlistPosition", type: "number", width: 10, value: (row) => row.waitlistPosition },
    { key: "requested", type: "datetime", value: (row) => when(row.requestedAt) },
    { key: "decided", type: "datetime", value: (row) => when(row.decidedAt) },
  ];
}
