import { z } from "zod";
import { checkboxField, requiredText } from "@/lib/form-fields";

/** R-PAR-1: the kinds of agreement, as data an administrator edits. Messages: errors.validation.*. */

/** The kind's stable code: upper-case letters, digits and underscores (ERASMUS_PLUS, BCI_QUEBEC…). */
export const ZAgreementKindCode = z
  .string({ error: "required" })
  .trim()
  .toUpperCase()
  .min(1, "required")
  .max(40, "tooLong")
  .regex(/^[A-Z][A-Z0-9_]*$/, "agreementKindCodeInvalid");

const kindFields = {
  nameFr: requiredText(100),
  nameEn: requiredText(100),
  coversEveryComponent: checkboxField,
};

export const ZCreateAgreementKind = z.strictObject({ code: ZAgreementKindCode, ...kindFields });
export type TCreateAgreementKind = z.output<typeof ZCreateAgreementKind>;

/** The code names the kind and never changes: agreements and links refer to it. */
export const ZUpdateAgreementKind = z.strictObject({ code: ZAgreementKindCode, ...kindFields });
export type TUpdateAgreementKind = z.output<typeof ZUpdateAgreementKind>;

export const ZDeleteAgreementKind = z.strictObject({ code: ZAgreementKindCode });
export type TDeleteAgreementKind = z.output<typeof ZDeleteAgreementKind>;
