import { getTranslations } from "next-intl/server";
import { formatAcademicYear } from "@/lib/academic-year";
import { arrivalDossier, arrivalExportLimit, listArrivals } from "@/lib/arrival/queries";
import { ZArrivalQuery } from "@/lib/arrival/schemas";
import { toCsv } from "@/lib/csv";
import { localized } from "@/lib/i18n/localized";
import { routeFor } from "@/lib/routes/route-for";
import { isAnonymised, studentListName } from "@/lib/student-name";

export const dynamic = "force-dynamic";

/**
 * GET /api/arrivals/export?status=&year=&component=: the arrivals list as CSV, with the same
 * filters and the same scope as /review/arrivals (a correspondent: their components; an admin:
 * all). Anyone else gets 404, like a page that does not exist (its row in lib/auth/permissions.ts). Read-only: no origin check.
 */
export const GET = routeFor("GET /api/arrivals/export", async (request, { viewer, locale }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = ZArrivalQuery.parse(params);
  const [t, tr, { rows }] = await Promise.all([
    getTranslations({ locale, namespace: "arrivals" }),
    getTranslations({ locale, namespace: "review" }),
    listArrivals(
      viewer,
      { status: query.status, academicYear: query.year, componentId: query.component },
      new Date(),
      arrivalExportLimit,
    ),
  ]);
  const csv = toCsv(
    [
      t("col.lastName"),
      t("col.firstName"),
      t("col.email"),
      t("col.faculty"),
      t("col.year"),
      t("col.nationality"),
      t("col.visa"),
      t("col.arrival"),
      t("col.deadline"),
      t("col.daysLeft"),
      t("col.steps"),
      t("col.status"),
    ],
    rows.map((row) => [
      // An erased person's dossier keeps its facts, and says so in the name column.
      ...(isAnonymised(arrivalDossier(row))
        ? [studentListName(arrivalDossier(row), (reference) => tr("anonymisedStudent", { reference })), null, null]
        : [row.lastName, row.firstName, row.email]),
      row.component ? localized(locale, row.component.nameFr, row.component.nameEn) : null,
      row.academicYear ? formatAcademicYear(row.academicYear) : null,
      row.nationality,
      row.visaType,
      row.arrivalDay,
      row.deadline?.deadline ?? null,
      row.deadline && row.status !== "DONE" ? row.deadline.daysLeft : null,
      row.stepsTotal ? `${row.stepsDone}/${row.stepsTotal}` : null,
      t(`status.${row.status}`),
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="arrivals.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
