import { openAmiDocumentForViewer } from "@/lib/ami/documents/queries";
import { contentDisposition } from "@/lib/documents/rules";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/** GET /api/ami/documents/[id]: the file, to the AMU student who owns it or to an admin; 404 for anyone else. */
export const GET = routeFor("GET /api/ami/documents/[id]", async (_request, { viewer, params }) => {
  const { size, fileName, contentType, body } = await openAmiDocumentForViewer(viewer, params.id);
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
