import { readFormWithLimit } from "@/lib/documents/http";
import { DomainError } from "@/lib/errors";
import { EWP_XML_MAX_BYTES } from "@/lib/ewp/xml-guard";
import { refusalError } from "@/lib/iias/explain";
import { approvalResponseFor } from "@/lib/iias/export";
import { previewIiaImport } from "@/lib/iias/queries";
import { ZIiaImportForm } from "@/lib/iias/schemas";
import { importIias } from "@/lib/iias/service";
import { routeFor } from "@/lib/routes/route-for";

/**
 * POST /api/agreements/iia-import?locale=fr|en (multipart/form-data: file, mode): a partner's
 * IIAs v7 get response. mode=preview answers what the import would change, writing nothing;
 * mode=apply imports every IIA of the file or none; mode=approval answers our IIAs Approval v2
 * response for them, refused when one is not valid for approval. A route rather than an action: a
 * partner's response may be several megabytes, over an action's body limit.
 */
export const POST = routeFor("POST /api/agreements/iia-import", async (request, { viewer }) => {
  const read = await readFormWithLimit(request, EWP_XML_MAX_BYTES + 64 * 1024);
  if (!read.ok) {
    throw read.reason === "tooLarge"
      ? new DomainError("ewp.tooLarge", { side: "file" }, "file")
      : new DomainError("validation.invalid");
  }
  const { file, mode } = ZIiaImportForm.parse(Object.fromEntries(read.form));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const headers = { "Cache-Control": "private, no-store" };
  if (mode === "apply") {
    return Response.json(await importIias(bytes, { id: viewer.id }), { status: 201, headers });
  }
  const plan = await previewIiaImport(viewer, bytes);
  if (!plan.ok) throw refusalError(plan.refusal, "file", "file");
  if (mode === "approval") {
    return new Response(approvalResponseFor(plan.iias), {
      headers: {
        ...headers,
        "Content-Type": "application/xml; charset=utf-8",
        "Content-Disposition": 'attachment; filename="iias-approval.xml"',
      },
    });
  }
  return Response.json({ iias: plan.iias }, { headers });
});
