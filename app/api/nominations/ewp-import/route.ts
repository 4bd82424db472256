import { readFormWithLimit } from "@/lib/documents/http";
import { DomainError } from "@/lib/errors";
import { EWP_XML_MAX_BYTES } from "@/lib/ewp/xml-guard";
import { notify } from "@/lib/mail/notify";
import { ZEwpNominationsForm } from "@/lib/nominations/schemas";
import { confirmEwpNominations, previewEwpNominations } from "@/lib/nominations/service";
import { routeFor } from "@/lib/routes/route-for";

/**
 * POST /api/nominations/ewp-import (multipart/form-data: file, mode): a partner's EWP Outgoing
 * Mobilities v3 get response (R-ELI-2). mode=preview answers the nominations read and each one's
 * errors, writing nothing; mode=apply records all of them or none, then mails each student. A route
 * rather than an action: a partner's file may be several megabytes, over an action's body limit.
 */
export const POST = routeFor("POST /api/nominations/ewp-import", async (request, { viewer, requestId }) => {
  const read = await readFormWithLimit(request, EWP_XML_MAX_BYTES + 64 * 1024);
  if (!read.ok) {
    throw read.reason === "tooLarge"
      ? new DomainError("ewp.tooLarge", { side: "file" }, "file")
      : new DomainError("validation.invalid");
  }
  const { file, mode } = ZEwpNominationsForm.parse(Object.fromEntries(read.form));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const headers = { "Cache-Control": "private, no-store" };
  if (mode === "preview") return Response.json({ preview: await previewEwpNominations(bytes) }, { headers });
  const { count, mails } = await confirmEwpNominations(bytes, { id: viewer.id, requestId });
  for (const mail of mails) await notify(mail.to, mail.locale, mail.template, mail.values, requestId);
  return Response.json({ count }, { status: 201, headers });
});
