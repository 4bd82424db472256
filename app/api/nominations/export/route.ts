import { getTranslations } from "next-intl/server";
import { withHeaders } from "@/lib/exports/columns";
import { allPages, exportResponse, ZExportFormat } from "@/lib/exports/respond";
import { nominationExportColumns } from "@/lib/nominations/export";
import { listNominations } from "@/lib/nominations/queries";
import { ZNominationListQuery } from "@/lib/nominations/schemas";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/** Rows read per page of the export: large pages, still by keyset (flat memory). */
const exportPageSize = 1000;

/**
 * GET /api/nominations/export?format=xlsx|csv&<the list's filters>: the partners' nominations
 * with the filters of /review/nominations, inside the viewer's scope (a correspondent: their
 * components; an admin: all); staff only, anyone else 404. Streamed page by page.
 */
export const GET = routeFor("GET /api/nominations/export", async (request, { viewer, locale }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { after: _ignored, ...query } = ZNominationListQuery.parse(params);
  const [t, te, tn] = await Promise.all([
    getTranslations({ locale, namespace: "listExports" }),
    getTranslations({ locale, namespace: "enums" }),
    getTranslations({ locale, namespace: "nominations.list" }),
  ]);
  const columns = nominationExportColumns({
    locale,
    level: (level) => te(`studyLevel.${level}`),
    period: (period) => te(`period.${period}`),
    source: (source) => tn(`source.${source}`),
    status: (status) => te(`applicationStatus.${status}`),
    notApplied: tn("notApplied"),
  });
  return exportResponse({
    format: ZExportFormat.parse(params.format),
    locale,
    filename: "nominations",
    sheetName: t("sheet.nominations"),
    columns: withHeaders("nominations", columns, (key) => t(key as never)),
    batches: allPages((after) => listNominations(viewer, { ...query, after }, exportPageSize)),
  });
});
