import { getViewer } from "@/lib/auth/viewer";
import { isSameOrigin, multipartOverheadBytes, readFormWithLimit } from "@/lib/documents/http";
import { getUploadMaxBytes } from "@/lib/documents/queries";
import { errorResponse, jsonResponse, validationResponse } from "@/lib/documents/responses";
import { ZLocale, ZUploadForm } from "@/lib/documents/schemas";
import { uploadDocument, uploadRefusalError } from "@/lib/documents/service";
import { DomainError } from "@/lib/errors";
import { routing } from "@/lib/i18n/routing";

/**
 * POST /api/documents (multipart/form-data: kind, file, locale?): uploads one document of the
 * signed-in student's own application. 201 { ok: true, document } or
 * { ok: false, message, field } with 400/401/403/404/413/415.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) return errorResponse(new DomainError("forbidden"), routing.defaultLocale);
  const viewer = await getViewer();
  if (!viewer) return errorResponse(new DomainError("signInRequired"), routing.defaultLocale);

  const maxBytes = getUploadMaxBytes();
  const read = await readFormWithLimit(request, maxBytes + multipartOverheadBytes);
  if (!read.ok) {
    const error =
      read.reason === "tooLarge"
        ? uploadRefusalError("tooLarge", { name: "" }, maxBytes)
        : new DomainError("validation.invalid");
    return errorResponse(error, viewer.locale);
  }
  const locale = ZLocale.parse(read.form.get("locale") ?? undefined) ?? viewer.locale;
  const parsed = ZUploadForm.safeParse(Object.fromEntries(read.form));
  if (!parsed.success) return validationResponse(parsed.error, locale);

  try {
    const document = await uploadDocument(viewer, { kind: parsed.data.kind, file: parsed.data.file }, { maxBytes });
    return jsonResponse({ ok: true, document }, 201);
  } catch (error) {
    return errorResponse(error, locale);
  }
}
