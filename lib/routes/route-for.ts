import "server-only";
import { getTranslations } from "next-intl/server";
import { routePermissions } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { logError } from "@/lib/log";
import { buildRouteFor } from "@/lib/routes/build-route";

/**
 * The one builder every route handler is made with, from its row of the permission table
 * (lib/auth/permissions.ts `routePermissions`), as actions are with `actionFor`:
 * `export const GET = routeFor("GET /api/arrivals/export", async (request, { viewer, locale }) => …)`.
 * The row's `who` is checked before the handler, and every error answers one body
 * (lib/routes/error-body.ts). tests/integration/route-authorization.test.ts fails on a route
 * file that exports a handler built otherwise, or from another row.
 */
export const routeFor = buildRouteFor(
  {
    getViewer,
    getErrorTranslator: (locale) => getTranslations({ locale, namespace: "errors" }),
    logError,
  },
  routePermissions,
);
