import { multipartOverheadBytes, readFormWithLimit } from "@/lib/documents/http";
import { getUploadMaxBytes } from "@/lib/documents/queries";
import { uploadRefusalError } from "@/lib/documents/rules";
import { ZUploadForm } from "@/lib/documents/schemas";
import { uploadDocument } from "@/lib/documents/service";
import { DomainError } from "@/lib/errors";
import { routeFor } from "@/lib/routes/route-for";

/**
 * POST /api/documents?locale=fr|en (multipart/form-data: kind, file): uploads one document of
 * the signed-in student's own application. 201 { document }, or the routes' error body
 * (lib/routes/error-body.ts) with 400/401/403/404/413/415.
 */
export const POST = routeFor("POST /api/documents", async (request, { viewer }) => {
  const maxBytes = getUploadMaxBytes();
  const read = await readFormWithLimit(request, maxBytes + multipartOverheadBytes);
  if (!read.ok) {
    throw read.reason === "tooLarge"
      ? uploadRefusalError("tooLarge", { name: "" }, maxBytes)
      : new DomainError("validation.invalid");
  }
  const { kind, file } = ZUploadForm.parse(Object.fromEntries(read.form));
  const document = await uploadDocument(viewer, { kind, file }, { maxBytes });
  // About a person's document: never stored by a cache.
  return Response.json({ document }, { status: 201, headers: { "Cache-Control": "private, no-store" } });
});
