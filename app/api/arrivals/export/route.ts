import { getTranslations } from "next-intl/server";
import { arrivalExportColumns } from "@/lib/arrival/export";
import { arrivalExportLimit, listArrivals } from "@/lib/arrival/queries";
import { ZArrivalQuery } from "@/lib/arrival/schemas";
import { withHeaders } from "@/lib/exports/columns";
import { exportResponse, ZExportFormat } from "@/lib/exports/respond";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/**
 * GET /api/arrivals/export?format=xlsx|csv&status=&year=&component=: the arrivals list with the
 * same filters and the same scope as /review/arrivals (a correspondent: their components; an
 * admin: all). Anyone else gets 404, like a page that does not exist (its row in
 * lib/auth/permissions.ts). Read-only: no origin check. The rows are computed in memory (their
 * status depends on today), bounded by arrivalExportLimit: accepted students, not all dossiers.
 */
export const GET = routeFor("GET /api/arrivals/export", async (request, { viewer, locale }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = ZArrivalQuery.parse(params);
  const [t, ta, tr, { rows }] = await Promise.all([
    getTranslations({ locale, namespace: "listExports" }),
    getTranslations({ locale, namespace: "arrivals" }),
    getTranslations({ locale, namespace: "review" }),
    listArrivals(
      viewer,
      { status: query.status, academicYear: query.year, componentId: query.component },
      new Date(),
      arrivalExportLimit,
    ),
  ]);
  const columns = arrivalExportColumns({
    locale,
    status: (status) => ta(`status.${status}`),
    anonymised: (reference) => tr("anonymisedStudent", { reference }),
  });
  return exportResponse({
    format: ZExportFormat.parse(params.format),
    locale,
    filename: "arrivals",
    sheetName: t("sheet.arrivals"),
    columns: withHeaders("arrivals", columns, (key) => t(key as never)),
    batches: [rows],
  });
});
