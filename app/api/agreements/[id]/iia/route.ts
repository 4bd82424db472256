import { exportAgreementIia } from "@/lib/iias/export";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/**
 * GET /api/agreements/[id]/iia: our copy of the agreement as an IIAs v7 get response, with
 * our IIA ID and the partner's, and its iia-hash. The same XML will answer the EWP get endpoint.
 */
export const GET = routeFor("GET /api/agreements/[id]/iia", async (_request, { viewer, params }) => {
  const { xml, iiaId } = await exportAgreementIia(viewer, params.id);
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="iia-${iiaId.replace(/[^A-Za-z0-9._-]/g, "_")}.xml"`,
      "Cache-Control": "private, no-store",
    },
  });
});
