import { openDocumentForViewer } from "@/lib/documents/queries";
import { contentDisposition, inlinePreviewHeaders, previewKind } from "@/lib/documents/rules";
import { deleteDocument } from "@/lib/documents/service";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/**
 * GET /api/documents/[id]: the file, as an attachment, to the owning student, a correspondent
 * of the application's component once it is submitted, or an admin; 404 for anyone else.
 * `?preview=1` answers a PDF or an image inline, sandboxed, for the preview in the page
 * (R-MSG-8): the same authorisation, only the disposition and the framing differ.
 */
export const GET = routeFor("GET /api/documents/[id]", async (request, { viewer, params }) => {
  const { document, fileName, contentType, body } = await openDocumentForViewer(viewer, params.id);
  const inline = new URL(request.url).searchParams.get("preview") === "1" && previewKind(contentType) !== null;
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(document.size),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      ...(inline
        ? inlinePreviewHeaders(fileName)
        : {
            "Content-Disposition": contentDisposition(fileName),
            // Should a browser render it anyway, it runs nothing and loads nothing.
            "Content-Security-Policy": "default-src 'none'; sandbox",
          }),
    },
  });
});

/**
 * DELETE /api/documents/[id]?locale=fr|en: the owning student removes a document while the
 * application is editable. 204, or the routes' error body with 401/403/404.
 */
export const DELETE = routeFor("DELETE /api/documents/[id]", async (_request, { viewer, params }) => {
  await deleteDocument(viewer, params.id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "private, no-store" } });
});
