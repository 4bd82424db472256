import { z } from "zod";
import { bulkMessageChunkSize, hasControlCharacters, messageMaxLength } from "@/lib/conversation/rules";

/** The dossier's conversation (R-MSG). Field messages: errors.validation.*. */

/** R-MSG-3: plain text, 1 to 4,000 characters, no control characters but line breaks and tabs. */
const ZMessageBody = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(messageMaxLength, "messageTooLong")
  .refine((body) => !hasControlCharacters(body), "controlCharacters");

/** A student writes on their own dossier: the service finds it from the viewer, no id is sent. */
export const ZStudentMessage = z.strictObject({ body: ZMessageBody });
export type TStudentMessage = z.output<typeof ZStudentMessage>;

export const ZStaffMessage = z.strictObject({ applicationId: z.uuid({ error: "required" }), body: ZMessageBody });
export type TStaffMessage = z.output<typeof ZStaffMessage>;

/** R-MSG-9: one text posted into each of these dossiers' threads (one chunk of the queue's selection). */
export const ZBulkStaffMessage = z.strictObject({
  applicationIds: z
    .array(z.uuid({ error: "invalid" }))
    .min(1, "required")
    .max(bulkMessageChunkSize),
  body: ZMessageBody,
});
export type TBulkStaffMessage = z.output<typeof ZBulkStaffMessage>;

/** Read up to `upTo`, the newest message the page showed (a message written since stays unread). */
export const ZMarkThreadRead = z.strictObject({
  applicationId: z.uuid({ error: "required" }),
  upTo: z.coerce.date({ error: "invalid" }),
});
export type TMarkThreadRead = z.output<typeof ZMarkThreadRead>;
