import { z } from "zod";
import { DocumentKind } from "@/lib/generated/prisma/enums";

// Messages are catalogue keys (errors.validation.*): the route handler translates them.

/** An uploaded file as FormData gives it (a Blob with a name), whatever its runtime class. */
export const ZUploadedFile = z.custom<File>(
  (value) => value instanceof Blob && typeof (value as Partial<File>).name === "string",
  { error: "required" },
);

/** POST /api/documents: the multipart form's fields. The file's checks are in rules.ts. */
export const ZUploadForm = z.strictObject({
  kind: z.enum(DocumentKind, { error: (issue) => (issue.input === undefined ? "required" : "invalid") }),
  file: ZUploadedFile,
  // Ignored: sent by pages older than the `?locale=` that now chooses the answer's language.
  locale: z.string().max(10).optional(),
});
export type TUploadForm = z.infer<typeof ZUploadForm>;

/** The [id] of /api/documents/[id]: anything but a UUID is simply "not found". */
export const ZDocumentId = z.uuid();
