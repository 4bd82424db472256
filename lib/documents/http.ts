/**
 * The upload's multipart body, read with a ceiling, without Next: pure enough for unit tests
 * (Request and FormData are the platform's). The same-origin check and the error statuses are
 * every route's (lib/routes/).
 */

import { uploadRefusalError } from "@/lib/documents/rules";
import { DomainError } from "@/lib/errors";

/** Room for the multipart boundaries, headers and small fields around the file itself. */
export const multipartOverheadBytes = 64 * 1024;

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

/**
 * An upload route's form, or the refusal every upload route answers: "too large" on the file
 * field (with the limit), or "invalid". The routes of incoming dossiers and of the AMI grant.
 */
export async function readUploadFormOrThrow(request: Request, maxBytes: number): Promise<FormData> {
  const read = await readFormWithLimit(request, maxBytes + multipartOverheadBytes);
  if (read.ok) return read.form;
  throw read.reason === "tooLarge"
    ? uploadRefusalError("tooLarge", { name: "" }, maxBytes)
    : new DomainError("validation.invalid");
}
