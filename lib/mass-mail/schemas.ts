import { z } from "zod";
import { ZQueueQuery } from "@/lib/applications/schemas";
import { withoutControlCharacters, withoutControlCharactersInText } from "@/lib/security/control-characters";

/** The group's filters: the queue's (without its paging and sort). */
export const ZMassMailFilters = ZQueueQuery.omit({ after: true, sort: true });
export type TMassMailFilters = z.output<typeof ZMassMailFilters>;

/** Writing the e-mail: a subject and a plain-text body, sent to the group the filters select. */
export const ZMassMail = z.strictObject({
  ...ZMassMailFilters.shape,
  subject: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(200, "tooLong")
    .refine(withoutControlCharacters, "invalid"),
  body: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(10_000, "tooLong")
    .refine(withoutControlCharactersInText, "invalid"),
});
export type TMassMail = z.output<typeof ZMassMail>;

export const ZMassMailing = z.strictObject({ mailingId: z.uuid({ error: "required" }) });
