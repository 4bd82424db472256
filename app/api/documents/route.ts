import { readUploadFormOrThrow } from "@/lib/documents/http";
import { getUploadMaxBytes } from "@/lib/documents/queries";
import { ZUploadForm } from "@/lib/documents/schemas";
import { uploadDocument } from "@/lib/documents/service";
import { routeFor } from "@/lib/routes/route-for";

/**
 * POST /api/documents?locale=fr|en (multipart/form-data: kind, file): uploads one document of
 * the signed-in student's own application. 201 { document }, or the routes' error body
 * (lib/routes/error-body.ts) with 400/401/403/404/413/415.
 */
export const POST = routeFor("POST /api/documents", async (request, { viewer }) => {
  const maxBytes = getUploadMaxBytes();
  const form = await readUploadFormOrThrow(request, maxBytes);
  const { kind, file } = ZUploadForm.parse(Object.fromEntries(form));
  const document = await uploadDocument(viewer, { kind, file }, { maxBytes });
  // About a person's document: never stored by a cache.
  return Response.json({ document }, { status: 201, headers: { "Cache-Control": "private, no-store" } });
});
