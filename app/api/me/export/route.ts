import { exportPersonalData } from "@/lib/privacy/export";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/**
 * GET /api/me/export: the signed-in person's data as a JSON download (GDPR art. 15, 20).
 * Read-only and only one's own: no id in the URL. Anonymous: 401.
 */
export const GET = routeFor("GET /api/me/export", async (_request, { viewer }) => {
  const data = await exportPersonalData(viewer);
  const body = JSON.stringify(
    data,
    (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
    2,
  );
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-data.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
