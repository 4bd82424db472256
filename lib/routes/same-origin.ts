/**
 * A state-changing request must come from one of our own pages: its Origin header (which
 * browsers send with every POST and DELETE, and which a page cannot forge) must name the host
 * the request was sent to. No Origin at all is refused too: browsers always send it here.
 * Behind a reverse proxy, the host is the proxy's X-Forwarded-Host when it sets one (a
 * cross-site page cannot add that header without a CORS preflight, which is never granted).
 * Server actions get the same check from Next; route handlers get it from lib/routes/build-route.ts.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim().toLowerCase();
  if (!origin || !host) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === "https:" || url.protocol === "http:") && url.host === host;
  } catch {
    return false;
  }
}
