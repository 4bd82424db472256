import { getViewer } from "@/lib/auth/viewer";
import { isSameOrigin } from "@/lib/documents/http";
import { openDocumentForViewer } from "@/lib/documents/queries";
import { errorResponse, jsonResponse } from "@/lib/documents/responses";
import { contentDisposition } from "@/lib/documents/rules";
import { ZLocale } from "@/lib/documents/schemas";
import { deleteDocument } from "@/lib/documents/service";
import { DomainError } from "@/lib/errors";
import { routing } from "@/lib/i18n/routing";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

/**
 * GET /api/documents/[id]: the file, as an attachment, to the owning student, a correspondent
 * of the application's component once it is submitted, or an admin; 404 for anyone else.
 */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  const viewer = await getViewer();
  try {
    const { document, fileName, contentType, body } = await openDocumentForViewer(viewer, id);
    return new Response(body, {
      headers: {
        "Content-Type": contentType,
        "Content-Length": String(document.size),
        "Content-Disposition": contentDisposition(fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        // Should a browser render it anyway, it runs nothing and loads nothing.
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error, viewer?.locale ?? routing.defaultLocale);
  }
}

/**
 * DELETE /api/documents/[id]?locale=fr|en: the owning student removes a document while the
 * application is editable. { ok: true } or { ok: false, message, field } with 401/403/404.
 */
export async function DELETE(request: Request, { params }: Context) {
  if (!isSameOrigin(request.headers)) return errorResponse(new DomainError("forbidden"), routing.defaultLocale);
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) return errorResponse(new DomainError("signInRequired"), routing.defaultLocale);
  const locale = ZLocale.parse(new URL(request.url).searchParams.get("locale") ?? undefined) ?? viewer.locale;
  try {
    await deleteDocument(viewer, id);
    return jsonResponse({ ok: true });
  } catch (error) {
    return errorResponse(error, locale);
  }
}
