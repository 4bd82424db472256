import { z } from "zod";
import { bulkChunkSize, bulkDecisions } from "@/lib/applications/bulk/rules";
import { ApplicationStatus, DocumentKind } from "@/lib/generated/prisma/enums";
import { withoutControlCharactersInText } from "@/lib/security/control-characters";

/** One selected dossier, with the status the reviewer saw: the guard of its decision. */
const ZBulkItem = z.strictObject({ id: z.uuid(), status: z.enum(ApplicationStatus) });

export const ZBulkDecision = z
  .strictObject({
    decision: z.enum(bulkDecisions, { error: "required" }),
    items: z.array(ZBulkItem).min(1, "required").max(bulkChunkSize),
    /** The documents to provide again (a change request). */
    documents: z.array(z.enum(DocumentKind)).max(Object.keys(DocumentKind).length).default([]),
    message: z.string().trim().max(4000, "tooLong").refine(withoutControlCharactersInText, "invalid").default(""),
  })
  .superRefine((input, context) => {
    // A change request says what to change: documents, a message, or both.
    if (input.decision === "requestChanges" && input.documents.length === 0 && input.message === "") {
      context.addIssue({ code: "custom", path: ["message"], message: "required" });
    }
  });
export type TBulkDecision = z.output<typeof ZBulkDecision>;
