/**
 * The route builder (lib/routes/build-route.ts) with its own viewer, translations and log:
 * the row's `who` before the handler, the origin check of state-changing methods, and the one
 * error body every route answers with.
 */
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { RoutePermission } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/routing";
import { buildRouteFor } from "@/lib/routes/build-route";
import { statusForErrorCode } from "@/lib/routes/error-body";
import { isSameOrigin } from "@/lib/routes/same-origin";
import enErrors from "@/messages/en/errors.json";
import frErrors from "@/messages/fr/errors.json";

type Viewer = { id: string; role: "STUDENT" | "CORRESPONDENT" | "ADMIN"; locale: AppLocale };

const table = {
  "GET /api/things/[id]": { who: ["STUDENT"], scope: "own", anonymous: "notFound" },
  "DELETE /api/things/[id]": { who: ["STUDENT"], scope: "own", anonymous: "signInRequired" },
  "GET /api/status": { who: "anyone", scope: "none", anonymous: "notFound" },
} as const satisfies Record<string, RoutePermission>;

const student: Viewer = { id: "s1", role: "STUDENT", locale: "en" };
const staff: Viewer = { id: "c1", role: "CORRESPONDENT", locale: "en" };

function routesFor(viewer: Viewer | null) {
  const logError = vi.fn();
  const getViewer = vi.fn(async () => viewer);
  const routeFor = buildRouteFor<Viewer, typeof table>(
    {
      getViewer,
      getErrorTranslator: async (locale) =>
        createTranslator({
          locale,
          messages: { errors: locale === "fr" ? frErrors : enErrors },
          namespace: "errors",
        }) as never,
      logError,
    },
    table,
  );
  return { routeFor, logError, getViewer };
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const sameOrigin = { origin: "http://localhost", host: "localhost" };

describe("the route builder", () => {
  it("runs the handler for a caller the row allows, with the viewer, the params and a request id", async () => {
    const { routeFor } = routesFor(student);
    const GET = routeFor("GET /api/things/[id]", async (_request, ctx) =>
      Response.json({ viewer: ctx.viewer.id, id: ctx.params.id, locale: ctx.locale, requestId: ctx.requestId }),
    );
    const response = await GET(new Request("http://localhost/api/things/t1"), params("t1"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      viewer: "s1",
      id: "t1",
      locale: "en",
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(GET.route).toBe("GET /api/things/[id]");
  });

  it.each([
    ["anonymous, on a row that hides the resource", null, "GET /api/things/[id]", 404, "notFound"],
    ["anonymous, on a row that asks to sign in", null, "DELETE /api/things/[id]", 401, "signInRequired"],
    ["another role", staff, "GET /api/things/[id]", 404, "notFound"],
    [
      "another role, on a row that asks anonymous callers to sign in",
      staff,
      "DELETE /api/things/[id]",
      404,
      "notFound",
    ],
  ] as const)("refuses %s before the handler runs", async (_label, viewer, name, status, code) => {
    const { routeFor } = routesFor(viewer);
    const handler = vi.fn();
    const route = routeFor(name, handler);
    const response = await route(
      new Request("http://localhost/api/things/t1?locale=en", { method: name.split(" ")[0], headers: sameOrigin }),
      params("t1"),
    );
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code, message: enErrors[code] } });
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers an anonymous caller in the portal's default language, unless the page asks for another", async () => {
    const { routeFor } = routesFor(null);
    const GET = routeFor("GET /api/things/[id]", vi.fn());
    const body = await (await GET(new Request("http://localhost/api/things/t1"), params("t1"))).json();
    expect(body).toEqual({ error: { code: "notFound", message: frErrors.notFound } });
  });

  it("gives an anyone row's handler the viewer, or null", async () => {
    const { routeFor } = routesFor(null);
    const GET = routeFor("GET /api/status", async (_request, { viewer }) => Response.json({ viewer }));
    expect(await (await GET(new Request("http://localhost/api/status"))).json()).toEqual({ viewer: null });
  });

  it.each([
    ["another site", { origin: "https://evil.example", host: "localhost" }],
    ["no Origin header", { host: "localhost" }],
  ])("refuses a state-changing request from %s before reading the session", async (_label, headers) => {
    const { routeFor, getViewer } = routesFor(student);
    const handler = vi.fn();
    const DELETE = routeFor("DELETE /api/things/[id]", handler);
    const response = await DELETE(
      new Request("http://localhost/x?locale=en", { method: "DELETE", headers }),
      params("t1"),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: enErrors.forbidden } });
    expect(getViewer).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers a DomainError translated, with its status and field, in the language the page asks for", async () => {
    const { routeFor } = routesFor(student);
    const DELETE = routeFor("DELETE /api/things/[id]", async () => {
      throw new DomainError("documentTooLarge", { maxMb: 10, name: "cv.pdf" }, "file");
    });
    const request = (query: string) =>
      new Request(`http://localhost/api/things/t1${query}`, { method: "DELETE", headers: sameOrigin });
    const english = await DELETE(request(""), params("t1"));
    expect(english.status).toBe(413);
    expect(await english.json()).toEqual({
      error: { code: "documentTooLarge", message: expect.stringContaining("10 MB"), field: "file" },
    });
    const french = (await (await DELETE(request("?locale=fr"), params("t1"))).json()) as {
      error: { message: string };
    };
    expect(french.error.message).toBe(
      createTranslator({ locale: "fr", messages: { errors: frErrors }, namespace: "errors" })("documentTooLarge", {
        maxMb: 10,
        name: "cv.pdf",
      }),
    );
  });

  it("answers input that does not fit a schema with its first problem, on its field", async () => {
    const { routeFor } = routesFor(student);
    const GET = routeFor("GET /api/things/[id]", async () => {
      z.strictObject({ kind: z.string({ error: "required" }) }).parse({});
      return new Response();
    });
    const response = await GET(new Request("http://localhost/x"), params("t1"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "validation.required", message: enErrors.validation.required, field: "kind" },
    });
  });

  it("logs anything else with a request id and answers 500 generically, without its details", async () => {
    const { routeFor, logError } = routesFor(student);
    const GET = routeFor("GET /api/things/[id]", async () => {
      throw new Error("connection string postgresql://secret@db leaked");
    });
    const response = await GET(new Request("http://localhost/x"), params("t1"));
    expect(response.status).toBe(500);
    const { error } = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(error.code).toBe("unexpected");
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain(error.requestId);
    expect(error.message).not.toContain("secret");
    expect(logError).toHaveBeenCalledWith(
      "route.unexpected",
      expect.objectContaining({ requestId: error.requestId, route: "GET /api/things/[id]" }),
    );
  });
});

describe("same-origin check of state-changing requests", () => {
  it.each<[string, Record<string, string>, boolean]>([
    ["same origin", { origin: "http://localhost:3000", host: "localhost:3000" }, true],
    ["same origin, host in capitals", { origin: "https://portal.example.org", host: "Portal.Example.org" }, true],
    [
      "behind a proxy that sets X-Forwarded-Host",
      { origin: "https://portal.example.org", host: "127.0.0.1:3000", "x-forwarded-host": "portal.example.org" },
      true,
    ],
    ["a foreign site", { origin: "https://evil.example", host: "localhost:3000" }, false],
    ["another port", { origin: "http://localhost:4000", host: "localhost:3000" }, false],
    ["a look-alike suffix", { origin: "http://localhost:3000.evil.example", host: "localhost:3000" }, false],
    ["no Origin header", { host: "localhost:3000" }, false],
    ["Origin null (sandboxed page, file://)", { origin: "null", host: "localhost:3000" }, false],
    ["a non-web scheme", { origin: "file://localhost:3000", host: "localhost:3000" }, false],
    ["no Host", { origin: "http://localhost:3000" }, false],
  ])("%s → %s", (_name, headers, expected) => {
    expect(isSameOrigin(new Headers(headers))).toBe(expected);
  });
});

describe("HTTP status of each answer", () => {
  it.each([
    ["notFound", 404],
    ["signInRequired", 401],
    ["forbidden", 403],
    ["documentTooLarge", 413],
    ["documentTypeRefused", 415],
    ["documentPhotoType", 415],
    ["documentEmpty", 400],
    ["validation.invalid", 400],
  ])("%s → %i", (code, status) => {
    expect(statusForErrorCode(code)).toBe(status);
  });
});
