import { z } from "zod";
import { ZUploadedFile } from "@/lib/documents/schemas";

/** POST /api/ami/documents: the multipart form's fields. The file's checks are lib/documents/rules.ts's. */
export const ZAmiUploadForm = z.strictObject({
  applicationId: z.uuid({ error: "invalid" }),
  kind: z.enum(["AWARD_LETTER", "DISABILITY_PROOF"], {
    error: (issue) => (issue.input === undefined ? "required" : "invalid"),
  }),
  file: ZUploadedFile,
});
export type TAmiUploadForm = z.infer<typeof ZAmiUploadForm>;
