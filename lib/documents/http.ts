/**
 * Request checks of the documents' route handlers that do not need Next: the same-origin check
 * of state-changing requests and a multipart body read with a ceiling. Pure enough for unit
 * tests (Request, Headers and FormData are the platform's).
 */

/** Room for the multipart boundaries, headers and small fields around the file itself. */
export const multipartOverheadBytes = 64 * 1024;

/**
 * A state-changing request must come from one of our own pages: its Origin header (which
 * browsers send with every POST and DELETE, and which a page cannot forge) must name the host
 * the request was sent to. No Origin at all is refused too: browsers always send it here.
 * Behind a reverse proxy, the host is the proxy's X-Forwarded-Host when it sets one (a
 * cross-site page cannot add that header without a CORS preflight, which is never granted).
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

export type LimitedForm = { ok: true; form: FormData } | { ok: false; reason: "tooLarge" | "malformed" };

/**
 * Reads a multipart/form-data body of at most `limit` bytes: a larger declared Content-Length
 * is refused before reading anything, and a body that turns out larger (chunked, or lying) is
 * cut off as soon as it passes the limit, so a client cannot make the server buffer more.
 */
export async function readFormWithLimit(request: Request, limit: number): Promise<LimitedForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return { ok: false, reason: "malformed" };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return { ok: false, reason: "tooLarge" };
  if (!request.body) return { ok: false, reason: "malformed" };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: "tooLarge" };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away mid-body (a cancelled upload): nobody reads the answer.
    return { ok: false, reason: "malformed" };
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, form: await new Response(body, { headers: { "content-type": contentType } }).formData() };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}

/** The HTTP status of each error code the documents' routes answer with. */
export function statusForErrorCode(code: string): number {
  switch (code) {
    case "notFound":
      return 404;
    case "signInRequired":
      return 401;
    case "forbidden":
      return 403;
    case "documentTooLarge":
      return 413;
    case "documentTypeRefused":
    case "documentPhotoType":
      return 415;
    default:
      return 400;
  }
}
