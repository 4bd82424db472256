import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import { hasControlCharacters } from "@/lib/security/control-characters";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

const handleI18nRouting = createMiddleware(routing);

/**
 * Every page: the locale in the URL (`/` goes to `/fr` or `/en` by the browser's preference),
 * and a Content-Security-Policy with a nonce of its own. Files and their 404s (`/x.png`) too:
 * whatever Next answers in HTML carries the policy (R-SEC-5, API routes: next.config.ts); only
 * pages get the locale routing. Next reads the policy from the
 * request to put the nonce on the scripts it writes, so the policy travels both ways: as a
 * request header to the renderer and as the response header the browser enforces.
 */
export default function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === "development",
    ssoIssuer: process.env.SSO_ISSUER,
  });
  if (hasControlQuery(request.nextUrl.searchParams)) {
    // R-SEC-6: refused before any page or route sees it, in both languages (no locale yet).
    return new NextResponse(
      "Bad request: the address contains control characters.\nRequête invalide : l’adresse contient des caractères de contrôle.\n",
      {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": policy },
      },
    );
  }
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = isPage(request.nextUrl.pathname)
    ? handleI18nRouting(new NextRequest(request, { headers }))
    : NextResponse.next({ request: { headers } });
  forwardRequestHeaders(response, headers, ["x-nonce", "content-security-policy"]);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/**
 * next-intl forwards the request's headers (ours included) when it rewrites or lets the
 * request through; when it answers without them, they are added the way NextResponse.next
 * does it (Next replaces the request headers by the `x-middleware-request-*` it finds).
 */
function forwardRequestHeaders(response: NextResponse, headers: Headers, names: string[]) {
  const listed = response.headers.get("x-middleware-override-headers");
  if (listed && names.every((name) => listed.split(",").includes(name))) return;
  const keys = new Set(listed ? listed.split(",") : []);
  for (const [name, value] of headers) {
    if (listed && !names.includes(name)) continue;
    response.headers.set(`x-middleware-request-${name}`, value);
    keys.add(name);
  }
  response.headers.set("x-middleware-override-headers", [...keys].join(","));
}

function hasControlQuery(params: URLSearchParams): boolean {
  for (const [name, value] of params) if (hasControlCharacters(name) || hasControlCharacters(value)) return true;
  return false;
}

/** Pages have a locale; Next's own paths and files (a dot in the name) do not. */
function isPage(pathname: string): boolean {
  return !/^\/(_next|_vercel)(\/|$)/.test(pathname) && !/\.[^/]*$/.test(pathname);
}

export const config = {
  // Everything but Next's built assets (never HTML) and API routes: the proxy would buffer an
  // upload's body (10 MB at most); their policy comes from next.config.ts.
  matcher: ["/((?!api/|api$|_next/static|_next/image).*)"],
};
