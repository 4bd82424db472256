import { z } from "zod";
import { asList } from "@/lib/form-fields";
import { isCountryCode } from "@/lib/i18n/countries";

/**
 * Partner institutions (R-PAR-2), shared by the admin form and its actions. Messages are keys
 * of errors.validation.*; form fields arrive as strings, an empty optional field as "".
 */

const text = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
const id = z.uuid({ error: "required" });

/** ISO 3166-1 alpha-2, upper-cased. */
const ZCountry = z
  .string({ error: "required" })
  .trim()
  .toUpperCase()
  .min(1, "required")
  .refine(isCountryCode, "countryInvalid");

/**
 * Erasmus institution codes look like "D KARLSRU01" or "SF TAMPERE17": a country prefix of one
 * to three letters, a space, then the city and a number. Spaces are collapsed and letters
 * upper-cased so that one code is stored one way (it is unique). Empty → none.
 */
const ZErasmusCode = z
  .string({ error: "invalid" })
  .trim()
  .max(20, "tooLong")
  .transform((code) => code.replace(/\s+/g, " ").toUpperCase())
  .refine((code) => code === "" || /^[A-Z]{1,3} [A-Z0-9][A-Z0-9 .-]{1,15}$/.test(code), "erasmusCodeInvalid")
  .transform((code) => code || null);

/**
 * The partner's SCHAC code in Erasmus Without Paper (`hei-id`, e.g. uw.edu.pl): how an
 * imported IIA finds its partner. Lower-cased; empty → none.
 */
const ZEwpHeiId = z
  .string({ error: "invalid" })
  .trim()
  .toLowerCase()
  .max(100, "tooLong")
  .refine(
    (code) => code === "" || /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(code),
    "ewpHeiIdInvalid",
  )
  .transform((code) => code || null);

/** R-PAR-2: the networks ticked (kept by the administrators on their own page); duplicates dropped. */
const ZNetworkIds = z.preprocess(
  asList,
  z
    .array(z.uuid({ error: "invalid" }), { error: "invalid" })
    .max(50, "tooMany")
    .transform((ids) => [...new Set(ids)]),
);

const partnerFields = {
  name: text(200),
  country: ZCountry,
  city: text(100),
  erasmusCode: ZErasmusCode.default(null),
  ewpHeiId: ZEwpHeiId.default(null),
  networkIds: ZNetworkIds,
};

export const ZCreatePartner = z.strictObject(partnerFields);
export type TCreatePartner = z.output<typeof ZCreatePartner>;

export const ZUpdatePartner = z.strictObject({ id, ...partnerFields });
export type TUpdatePartner = z.output<typeof ZUpdatePartner>;

export const ZDeletePartner = z.strictObject({ id });
