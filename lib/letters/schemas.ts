import { z } from "zod";

export const ZLetterId = z.uuid();

/** Staff reissue a dossier's acceptance letter in one language (a correction, or the other language). */
export const ZReissueLetter = z.strictObject({
  applicationId: z.uuid(),
  locale: z.enum(["fr", "en"]),
});
export type TReissueLetter = z.infer<typeof ZReissueLetter>;
