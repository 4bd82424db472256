import { z } from "zod";
import { checkboxField, euroAmountField, integerField, isoDateField } from "@/lib/form-fields";
import { isCountryCode } from "@/lib/i18n/countries";
import { withoutControlCharacters } from "@/lib/security/control-characters";

/**
 * What the AMI forms send (R-AMI-1…4). Messages are keys of errors.validation.*. The rules that
 * need the student's other applications or the year's figures (duration, cap, overlap) are the
 * service's, on the same fields.
 */

const text = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(max, "tooLong")
    .refine(withoutControlCharacters, "invalid");
const uuid = z.uuid({ error: "invalid" });

export const ZAmiApplication = z
  .strictObject({
    /** Absent for a new application. */
    id: uuid.optional(),
    mobilityKind: z.enum(["STUDIES", "INTERNSHIP"], { error: "required" }),
    hostName: text(200),
    country: z
      .string({ error: "required" })
      .trim()
      .toUpperCase()
      .min(1, "required")
      .refine(isCountryCode, "countryInvalid"),
    startDate: isoDateField,
    endDate: isoDateField,
    partOfCurriculum: checkboxField,
    referentTeacher: text(200),
    grantStatus: z.enum(["SOCIAL_GRANT", "ANNUAL_ALLOWANCE", "NONE"], { error: "required" }),
    grantLevel: z.preprocess((value) => (value === "" ? undefined : value), integerField(0, 7, "invalid").optional()),
    birthDate: isoDateField,
    disability: checkboxField,
    ruralArea: checkboxField,
    priorityUrbanArea: checkboxField,
    erasmusPlus: checkboxField,
  })
  .superRefine((input, context) => {
    if (input.endDate < input.startDate) {
      context.addIssue({ code: "custom", path: ["endDate"], message: "amiEndBeforeStart" });
    }
    if (input.grantStatus === "SOCIAL_GRANT" && input.grantLevel === undefined) {
      context.addIssue({ code: "custom", path: ["grantLevel"], message: "required" });
    }
  })
  .transform((input) => ({
    ...input,
    grantLevel: input.grantStatus === "SOCIAL_GRANT" ? (input.grantLevel ?? null) : null,
  }));
export type TAmiApplication = z.output<typeof ZAmiApplication>;

export const ZAmiApplicationId = z.strictObject({ id: uuid });
export type TAmiApplicationId = z.output<typeof ZAmiApplicationId>;

const reason = z.string({ error: "required" }).trim().max(2000, "tooLong").refine(withoutControlCharacters, "invalid");

/**
 * The office's decision. Granted: the computed amount, or another one with its reason; refused
 * or sent back for changes: a reason the student reads.
 */
export const ZAmiDecision = z
  .strictObject({
    id: uuid,
    decision: z.enum(["GRANTED", "REFUSED", "CHANGES_REQUESTED"], { error: "required" }),
    /** Euros; empty: the computed amount. */
    amount: z.preprocess((value) => (value === "" ? undefined : value), euroAmountField(10_000).optional()),
    reason: reason.optional().transform((value) => value || null),
  })
  .superRefine((input, context) => {
    if (input.decision !== "GRANTED" && !input.reason) {
      context.addIssue({ code: "custom", path: ["reason"], message: "required" });
    }
  });
export type TAmiDecision = z.output<typeof ZAmiDecision>;

const optionalCents = z.preprocess((value) => (value === "" ? null : value), euroAmountField(10_000).nullable());

/** R-AMI-2: one academic year's figures, as the office types them in euros. */
export const ZAmiYearRate = z.strictObject({
  academicYear: integerField(2000, 2100, "invalid"),
  monthlyRate: euroAmountField(10_000),
  lifetimeCapMonths: integerField(1, 24, "invalid"),
  grantLevelSupplement: optionalCents,
  disabilitySupplement: optionalCents,
  ruralAreaSupplement: optionalCents,
  priorityUrbanAreaSupplement: optionalCents,
});
export type TAmiYearRate = z.output<typeof ZAmiYearRate>;
