import { getTranslations } from "next-intl/server";
import { queueExportColumns } from "@/lib/applications/export";
import { listQueue } from "@/lib/applications/queries";
import { ZQueueQuery } from "@/lib/applications/schemas";
import { withHeaders } from "@/lib/exports/columns";
import { allPages, exportResponse, ZExportFormat } from "@/lib/exports/respond";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/** Rows read per page of the export: large pages, still by keyset (flat memory). */
const exportPageSize = 1000;

/**
 * GET /api/applications/export?format=xlsx|csv&<the queue's filters>: the reviewers' queue with
 * the filters, search and sort of the screen, inside the viewer's scope (a correspondent: their
 * components; an admin: all); staff only, anyone else 404. Streamed page by page.
 */
export const GET = routeFor("GET /api/applications/export", async (request, { viewer, locale }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { after: _ignored, ...query } = ZQueueQuery.parse(params);
  const [t, te, tr] = await Promise.all([
    getTranslations({ locale, namespace: "listExports" }),
    getTranslations({ locale, namespace: "enums" }),
    getTranslations({ locale, namespace: "review" }),
  ]);
  const columns = queueExportColumns({
    locale,
    status: (status) => te(`applicationStatus.${status}`),
    period: (period) => te(`period.${period}`),
    level: (level) => te(`studyLevel.${level}`),
    yes: t("yes"),
    no: t("no"),
    anonymised: (reference) => tr("anonymisedStudent", { reference }),
  });
  return exportResponse({
    format: ZExportFormat.parse(params.format),
    locale,
    filename: "dossiers",
    sheetName: t("sheet.queue"),
    columns: withHeaders("queue", columns, (key) => t(key as never)),
    batches: allPages((after) => listQueue(viewer, { ...query, after }, exportPageSize)),
  });
});
