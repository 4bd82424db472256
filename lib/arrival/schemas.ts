import { z } from "zod";
import { arrivalStatuses, normalizeForeignNumber, visaTypes } from "@/lib/arrival/rules";
import { isCountryCode } from "@/lib/i18n/countries";
import { parseDay } from "@/lib/paris-time";

/**
 * What the student's arrival page sends (R-VIS-1…6). Messages are keys of errors.validation.*.
 * Nothing names the checklist: the service finds the viewer's own.
 */

const country = z.string({ error: "required" }).trim().toUpperCase().refine(isCountryCode, "countryInvalid");
const uuid = z.uuid({ error: "invalid" });
/** A form's "true"/"false" or a boolean from code. */
const flag = z.union([z.boolean(), z.stringbool({ error: "invalid" })], { error: "invalid" });

/** A Paris calendar day as the date input sends it; the window around today is the service's. */
const day = z
  .string({ error: "dateInvalid" })
  .trim()
  .refine((value) => parseDay(value) !== null, "dateInvalid");

/** R-VIS-6 and R-VIS-1: nationality, visa, and the arrival date once known (empty: not yet). */
export const ZArrivalDetails = z.strictObject({
  nationality: country,
  visaType: z.enum(visaTypes, { error: "visaTypeRequired" }),
  arrivalDate: z
    .union([z.literal("").transform(() => null), day], { error: "dateInvalid" })
    .optional()
    .transform((value) => value ?? null),
});
export type TArrivalDetails = z.output<typeof ZArrivalDetails>;

/** One step of the procedure ticked (done) or unticked. */
export const ZArrivalStep = z.strictObject({
  stepId: uuid,
  done: flag,
});
export type TArrivalStep = z.output<typeof ZArrivalStep>;

/** R-VIS-4: the AGDREF (foreign-national) number, ten digits; spaces are dropped. */
export const ZForeignNumber = z.strictObject({
  foreignNumber: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(40, "foreignNumberInvalid")
    .refine((value) => normalizeForeignNumber(value) !== null, "foreignNumberInvalid")
    .transform((value) => normalizeForeignNumber(value)!),
});
export type TForeignNumber = z.output<typeof ZForeignNumber>;

/** The staff's list of arrivals (/review/arrivals, its CSV): filters from the URL; anything unknown is ignored. */
export const ZArrivalQuery = z.object({
  status: z.enum(arrivalStatuses).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  component: z.uuid().optional().catch(undefined),
});
export type TArrivalQuery = z.output<typeof ZArrivalQuery>;
