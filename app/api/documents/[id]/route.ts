import { authorisedFileResponse } from "@/lib/documents/download";
import { openDocumentForViewer } from "@/lib/documents/queries";
import { previewKind } from "@/lib/documents/rules";
import { deleteDocument } from "@/lib/documents/service";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/**
 * GET /api/documents/[id]: the file, as an attachment, to the owning student, a correspondent
 * of the application's component once it is submitted, or an admin; 404 for anyone else.
 * `?preview=1` answers a PDF or an image inline, sandboxed, for the preview in the page
 * (R-MSG-8): the same authorisation, only the disposition and the framing differ. Otherwise
 * streamed, or redirected to a short-lived presigned URL (DOWNLOAD_MODE).
 */
export const GET = routeFor("GET /api/documents/[id]", async (request, { viewer, params }) => {
  const file = await openDocumentForViewer(viewer, params.id);
  const inline = new URL(request.url).searchParams.get("preview") === "1" && previewKind(file.contentType) !== null;
  return authorisedFileResponse(file, { inline });
});

/**
 * DELETE /api/documents/[id]?locale=fr|en: the owning student removes a document while the
 * application is editable. 204, or the routes' error body with 401/403/404.
 */
export const DELETE = routeFor("DELETE /api/documents/[id]", async (_request, { viewer, params }) => {
  await deleteDocument(viewer, params.id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "private, no-store" } });
});
