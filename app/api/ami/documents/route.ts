import { ZAmiUploadForm } from "@/lib/ami/documents/schemas";
import { uploadAmiDocument } from "@/lib/ami/documents/service";
import { multipartOverheadBytes, readFormWithLimit } from "@/lib/documents/http";
import { getUploadMaxBytes } from "@/lib/documents/queries";
import { uploadRefusalError } from "@/lib/documents/rules";
import { DomainError } from "@/lib/errors";
import { routeFor } from "@/lib/routes/route-for";

/**
 * POST /api/ami/documents?locale=fr|en (multipart/form-data: applicationId, kind, file): the
 * AMU student uploads the award letter or the disability proof of their own AMI application.
 * 201 { document }, or the routes' error body.
 */
export const POST = routeFor("POST /api/ami/documents", async (request, { viewer, requestId }) => {
  const maxBytes = getUploadMaxBytes();
  const read = await readFormWithLimit(request, maxBytes + multipartOverheadBytes);
  if (!read.ok) {
    throw read.reason === "tooLarge"
      ? uploadRefusalError("tooLarge", { name: "" }, maxBytes)
      : new DomainError("validation.invalid");
  }
  const input = ZAmiUploadForm.parse(Object.fromEntries(read.form));
  const document = await uploadAmiDocument(viewer, input, requestId, undefined, maxBytes);
  return Response.json({ document }, { status: 201, headers: { "Cache-Control": "private, no-store" } });
});
