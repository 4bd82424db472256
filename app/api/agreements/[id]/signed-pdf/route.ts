import { getSignedPdf } from "@/lib/agreements/queries";
import { attachSignedPdf } from "@/lib/agreements/service";
import { authorisedFileResponse } from "@/lib/documents/download";
import { multipartOverheadBytes, readFormWithLimit } from "@/lib/documents/http";
import { downloadFileName, megabytes } from "@/lib/documents/rules";
import { env } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/** GET /api/agreements/[id]/signed-pdf: the signed agreement, to administrators only (a private document). */
export const GET = routeFor("GET /api/agreements/[id]/signed-pdf", async (_request, { viewer, params }) => {
  const pdf = await getSignedPdf(viewer, params.id);
  if (!pdf) throw new NotFoundError();
  return authorisedFileResponse({
    storageKey: pdf.key,
    fileName: downloadFileName(pdf.name, "application/pdf"),
    contentType: "application/pdf",
  });
});

/**
 * POST /api/agreements/[id]/signed-pdf?locale=fr|en (multipart/form-data: file): attaches or
 * replaces the signed agreement. A route rather than an action: a scanned agreement is often
 * larger than an action's body limit.
 */
export const POST = routeFor("POST /api/agreements/[id]/signed-pdf", async (request, { viewer, params }) => {
  const maxBytes = env().UPLOAD_MAX_BYTES;
  const read = await readFormWithLimit(request, maxBytes + multipartOverheadBytes);
  if (!read.ok) {
    throw read.reason === "tooLarge"
      ? new DomainError("documentTooLarge", { maxMb: megabytes(maxBytes) }, "file")
      : new DomainError("validation.invalid");
  }
  const file = read.form.get("file");
  if (!(file instanceof File)) throw new DomainError("validation.required", {}, "file");
  const saved = await attachSignedPdf(params.id, file, { id: viewer.id });
  return Response.json(saved, { status: 201, headers: { "Cache-Control": "private, no-store" } });
});
