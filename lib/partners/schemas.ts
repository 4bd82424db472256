import { z } from "zod";
import { commaList } from "@/lib/form-fields";
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

/** R-PAR-2: networks typed as one comma-separated list; duplicates and blanks are dropped. */
const ZNetworks = z
  .string({ error: "invalid" })
  .max(1000, "tooLong")
  .transform((list) => commaList(list, (network) => network.replace(/\s+/g, " ")))
  .refine((networks) => networks.every((network) => network.length <= 80), "tooLong")
  .refine((networks) => networks.length <= 20, "tooMany");

const partnerFields = {
  name: text(200),
  country: ZCountry,
  city: text(100),
  erasmusCode: ZErasmusCode.default(null),
  ewpHeiId: ZEwpHeiId.default(null),
  networks: ZNetworks.default([]),
};

export const ZCreatePartner = z.strictObject(partnerFields);
export type TCreatePartner = z.output<typeof ZCreatePartner>;

export const ZUpdatePartner = z.strictObject({ id, ...partnerFields });
export type TUpdatePartner = z.output<typeof ZUpdatePartner>;

export const ZDeletePartner = z.strictObject({ id });
