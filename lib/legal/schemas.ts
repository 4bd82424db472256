import { z } from "zod";
import { legalPageNames } from "@/lib/legal/rules";

const title = z.string({ error: "required" }).trim().min(1, "required").max(200, "tooLong");
const body = z.string({ error: "required" }).trim().min(1, "required").max(50_000, "tooLong");

/** R-SEC-9: one legal page, in both languages at once (the two must not drift apart). */
export const ZLegalPageUpdate = z.strictObject({
  page: z.enum(legalPageNames, { error: "invalid" }),
  titleFr: title,
  bodyFr: body,
  titleEn: title,
  bodyEn: body,
});
export type TLegalPageUpdate = z.output<typeof ZLegalPageUpdate>;
