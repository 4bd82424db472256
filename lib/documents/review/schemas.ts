import { z } from "zod";
import { hasControlCharacters } from "@/lib/conversation/rules";

/** R-MSG-6: a reviewer's verdict on one document. Field messages: errors.validation.*. */
export const ZDocumentReview = z
  .strictObject({
    documentId: z.uuid({ error: "required" }),
    verdict: z.enum(["ACCEPTED", "TO_REPLACE"], { error: "required" }),
    note: z
      .string({ error: "invalid" })
      .trim()
      .max(1000, "tooLong")
      .refine((note) => !hasControlCharacters(note), "controlCharacters")
      .optional()
      .transform((note) => note || null),
  })
  .superRefine((review, context) => {
    // The student must know what to change: "to be replaced" says why.
    if (review.verdict === "TO_REPLACE" && !review.note) {
      context.addIssue({ code: "custom", path: ["note"], message: "replaceNoteRequired" });
    }
  });
export type TDocumentReview = z.output<typeof ZDocumentReview>;
