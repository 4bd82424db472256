import { getTranslations } from "next-intl/server";
import { amiExportColumns, amiExportRow, amiXlsx } from "@/lib/ami/export";
import { listAmiPaymentLines } from "@/lib/ami/queries";
import { toCsv } from "@/lib/csv";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * GET /api/ami/export?format=csv|xlsx: the AMI payment schedule for the finance office, one
 * row per monthly payment of every granted application. Admins only (its row in
 * lib/auth/permissions.ts); anyone else gets 404. Read-only: no origin check.
 */
export const GET = routeFor("GET /api/ami/export", async (request, { viewer, locale }) => {
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const [t, lines] = await Promise.all([getTranslations({ locale, namespace: "ami" }), listAmiPaymentLines(viewer)]);
  const header = amiExportColumns.map((column) => t(`export.${column}`));
  const rows = lines.map((line) => amiExportRow(line, t("yes"), t("no")));
  const headers = {
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (format === "xlsx") {
    return new Response(new Uint8Array(await amiXlsx(t("export.sheet"), header, rows)), {
      headers: {
        ...headers,
        "Content-Type": xlsxType,
        "Content-Disposition": `attachment; filename="ami-payments.xlsx"`,
      },
    });
  }
  return new Response(toCsv(header, rows), {
    headers: {
      ...headers,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ami-payments.csv"`,
    },
  });
});
