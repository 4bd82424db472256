import { z } from "zod";

/** R-SEC-8: one session of the viewer's, named by its id as the list shows it. */
export const ZEndSession = z.strictObject({
  sessionId: z.string({ error: "required" }).min(1, "required").max(64, "invalid"),
});
export type TEndSession = z.infer<typeof ZEndSession>;

export const ZEndOtherSessions = z.strictObject({});
