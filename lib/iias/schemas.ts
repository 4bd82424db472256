import { z } from "zod";

/** Two copies of one IIA to compare; each a few kilobytes (an action's body stays under 1 MB). */
export const ZCompareCopies = z.strictObject({
  ours: z.instanceof(File, { error: "required" }).refine((file) => file.size > 0, "required"),
  theirs: z.instanceof(File, { error: "required" }).refine((file) => file.size > 0, "required"),
});
export type TCompareCopies = z.output<typeof ZCompareCopies>;

/** The import form: the partner's file, and whether to preview it, import it, or answer it with
 * our approval (IIAs Approval v2). */
export const ZIiaImportForm = z.strictObject({
  file: z.instanceof(File, { error: "required" }).refine((file) => file.size > 0, "required"),
  mode: z.enum(["preview", "apply", "approval"]),
});
