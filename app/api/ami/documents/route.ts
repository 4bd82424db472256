import { ZAmiUploadForm } from "@/lib/ami/documents/schemas";
import { uploadAmiDocument } from "@/lib/ami/documents/service";
import { readUploadFormOrThrow } from "@/lib/documents/http";
import { getUploadMaxBytes } from "@/lib/documents/queries";
import { routeFor } from "@/lib/routes/route-for";

/**
 * POST /api/ami/documents?locale=fr|en (multipart/form-data: applicationId, kind, file): the
 * AMU student uploads the award letter or the disability proof of their own AMI application.
 * 201 { document }, or the routes' error body.
 */
export const POST = routeFor("POST /api/ami/documents", async (request, { viewer, requestId }) => {
  const maxBytes = getUploadMaxBytes();
  const form = await readUploadFormOrThrow(request, maxBytes);
  const input = ZAmiUploadForm.parse(Object.fromEntries(form));
  const document = await uploadAmiDocument(viewer, input, requestId, undefined, maxBytes);
  return Response.json({ document }, { status: 201, headers: { "Cache-Control": "private, no-store" } });
});
