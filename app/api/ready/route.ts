import { checkReadiness } from "@/lib/readiness";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/**
 * GET /api/ready: 200 when this node may take traffic (database reachable, every migration of
 * this build applied), 503 otherwise; for the load balancer and deploys (README "Deploying").
 * Open to anyone like /api/health, and says nothing personal.
 */
export const GET = routeFor("GET /api/ready", async () => {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
