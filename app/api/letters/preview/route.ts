import { contentDisposition } from "@/lib/documents/rules";
import { NotFoundError } from "@/lib/errors";
import { renderLetterPreview } from "@/lib/letters/preview";
import { ZLetterPreview } from "@/lib/letters/schemas";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/**
 * GET /api/letters/preview?kind=&locale=: a letter template rendered from the sample dossier,
 * opened from /admin/letters; administrators only (404 for anyone else). Nothing is stored.
 */
export const GET = routeFor("GET /api/letters/preview", async (request, { viewer }) => {
  const query = ZLetterPreview.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new NotFoundError();
  const bytes = await renderLetterPreview(viewer, query.data.kind, query.data.locale);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition(`preview-${query.data.kind.toLowerCase()}-${query.data.locale}.pdf`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
