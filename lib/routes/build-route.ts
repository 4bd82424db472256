import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { isAllowed, type RoutePermission, type Who } from "@/lib/auth/permissions";
import { DomainError, type ErrorCode } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { type AppLocale, routing } from "@/lib/i18n/routing";
import type { LogFields } from "@/lib/log";
import { type RouteErrorBody, statusForErrorCode } from "@/lib/routes/error-body";
import { isSameOrigin } from "@/lib/routes/same-origin";

/**
 * The mechanics of the route builder, apart from where the viewer, the translations and the
 * log come from (lib/routes/route-for.ts wires the real ones; the tests wire their own), like
 * lib/actions/build-chain.ts is for actions.
 */
export interface RouteDependencies<Viewer extends { role: Role; locale: AppLocale }> {
  getViewer(): Promise<Viewer | null>;
  /** A translator for the `errors` catalogue in this language. */
  getErrorTranslator(locale: AppLocale): Promise<{
    (key: ErrorCode, values?: Record<string, string | number>): string;
    has(key: ErrorCode): boolean;
  }>;
  logError(event: string, fields: LogFields): void;
}

/** The dynamic segments of a route's name: "GET /api/documents/[id]" → { id: string }. */
type Segment<Path extends string> = Path extends `${infer Head}/${infer Tail}`
  ? Segment<Head> | Segment<Tail>
  : Path extends `[${infer Name}]`
    ? Name
    : never;
export type RouteParams<Name extends string> = Name extends `${string} ${infer Path}`
  ? { [Key in Segment<Path>]: string }
  : never;

/** What a handler is given: the caller (checked against the row), the request id and the answer's language. */
export interface RouteContext<Name extends string, Viewer> {
  viewer: Viewer;
  requestId: string;
  /** The `?locale=` the page asked for, else the viewer's, else the portal's default. */
  locale: AppLocale;
  params: RouteParams<Name>;
}

/** A Next route handler, labelled with its row (read by the route tests). */
export type RouteHandler<Name extends string> = ((
  request: Request,
  context?: { params: Promise<RouteParams<Name>> },
) => Promise<Response>) & { route: Name };

type ViewerFor<W extends Who, Viewer> = W extends "anyone" ? Viewer | null : Viewer;

// Error answers may name a person's documents or dossier: never stored, never sniffed.
const errorHeaders = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * `routeFor(name, handler)`: the handler runs only for a caller the row allows. Before it, a
 * state-changing method (anything but GET) must come from our own origin (403), then the
 * viewer is read and checked against the row's `who` (a refusal answers as the row says:
 * 401 or 404). Whatever the handler throws becomes the one error body: a DomainError or a
 * ZodError translated with its status, anything else logged with a request id and answered 500.
 */
export function buildRouteFor<
  Viewer extends { role: Role; locale: AppLocale },
  Table extends Record<string, RoutePermission>,
>(dependencies: RouteDependencies<Viewer>, table: Table) {
  return function routeFor<Name extends keyof Table & string>(
    name: Name,
    handler: (request: Request, ctx: RouteContext<Name, ViewerFor<Table[Name]["who"], Viewer>>) => Promise<Response>,
  ): RouteHandler<Name> {
    const permission = table[name];
    const stateChanging = !name.startsWith("GET ");
    async function route(request: Request, context?: { params: Promise<RouteParams<Name>> }): Promise<Response> {
      const requestId = randomUUID();
      const asked = new URL(request.url).searchParams.get("locale");
      let locale: AppLocale = isLocale(asked) ? asked : routing.defaultLocale;
      try {
        if (stateChanging && !isSameOrigin(request.headers)) throw new DomainError("forbidden");
        const viewer = await dependencies.getViewer();
        if (viewer && !isLocale(asked)) locale = viewer.locale;
        // A role the row refuses is not told the resource exists.
        if (!isAllowed(permission!, viewer?.role ?? null)) {
          throw new DomainError(viewer ? "notFound" : permission!.anonymous);
        }
        const params = ((await context?.params) ?? {}) as RouteParams<Name>;
        return await handler(request, {
          viewer: viewer as ViewerFor<Table[Name]["who"], Viewer>,
          requestId,
          locale,
          params,
        });
      } catch (error) {
        return errorResponse(dependencies, { route: name, requestId, locale, error });
      }
    }
    return Object.assign(route, { route: name });
  };
}

function isLocale(value: string | null): value is AppLocale {
  return (routing.locales as readonly (string | null)[]).includes(value);
}

async function errorResponse<Viewer extends { role: Role; locale: AppLocale }>(
  dependencies: RouteDependencies<Viewer>,
  { route, requestId, locale, error }: { route: string; requestId: string; locale: AppLocale; error: unknown },
): Promise<Response> {
  const t = await dependencies.getErrorTranslator(locale);
  const answer = (status: number, body: RouteErrorBody["error"]) =>
    Response.json({ error: body } satisfies RouteErrorBody, { status, headers: errorHeaders });
  if (error instanceof DomainError && t.has(error.code)) {
    return answer(statusForErrorCode(error.code), {
      code: error.code,
      message: t(error.code, error.params),
      ...(error.field ? { field: error.field } : {}),
    });
  }
  // Input that does not fit the route's schema: the first problem, on its field.
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    // As in the action chain: the issue's message is a plain string, checked with t.has.
    const named = `validation.${issue?.message}` as ErrorCode;
    const code: ErrorCode = t.has(named) ? named : "validation.invalid";
    const field = issue?.path.join(".");
    return answer(400, { code, message: t(code), ...(field ? { field } : {}) });
  }
  dependencies.logError("route.unexpected", { requestId, route, error });
  return answer(500, { code: "unexpected", message: t("unexpected", { requestId }), requestId });
}
