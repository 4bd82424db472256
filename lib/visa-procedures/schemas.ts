import { z } from "zod";
import { normalizeReminderDays, visaTypes } from "@/lib/arrival/rules";
import { visaDocumentKinds } from "@/lib/documents/rules";
import { asList, euroAmountField, integerField } from "@/lib/form-fields";
import { type CountryCode, isCountryCode } from "@/lib/i18n/countries";

/**
 * What the administration of residence-permit procedures sends (R-VIS-1…6). Messages are keys
 * of errors.validation.*. A procedure's steps come as one JSON field from the editor (they
 * nest documents), validated here like any other field.
 */

/** ISO country codes as an admin types them ("fr, DE de"): upper-cased, distinct, sorted; one error for the field. */
function countryCodeList(min: number) {
  return z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .toUpperCase()
            .split(/[\s,;]+/)
            .filter(Boolean)
        : value,
    z
      .array(z.string(), { error: "countryListInvalid" })
      .min(min, "chooseAtLeastOne")
      .max(100, "tooMany")
      .refine((codes) => codes.every(isCountryCode), "countryListInvalid")
      .transform((codes) => [...new Set(codes)].sort() as CountryCode[]),
  );
}

const text = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
const uuid = z.uuid({ error: "invalid" });

export const ZStepDocument = z.strictObject(
  {
    labelFr: text(300),
    labelEn: text(300),
    uploadKind: z.enum(visaDocumentKinds, { error: "invalid" }).nullable(),
  },
  { error: "invalid" },
);

export const ZProcedureStep = z.strictObject(
  {
    titleFr: text(200),
    titleEn: text(200),
    bodyFr: text(4000),
    bodyEn: text(4000),
    feeId: uuid.nullable(),
    documents: z.array(ZStepDocument, { error: "invalid" }).max(10, "tooMany"),
  },
  { error: "invalid" },
);
export type TProcedureStep = z.output<typeof ZProcedureStep>;

/** "30, 14, 7, 2": distinct whole days from 0 to 365, at most ten, largest first; one error for the field. */
const reminderDays = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((day) => (/^\d+$/.test(day) ? Number(day) : Number.NaN))
      : value,
  z
    .array(z.unknown(), { error: "reminderDaysInvalid" })
    .max(10, "tooMany")
    .refine(
      (days) => days.every((day) => typeof day === "number" && Number.isInteger(day) && day >= 0 && day <= 365),
      "reminderDaysInvalid",
    )
    .transform((days) => normalizeReminderDays(days as number[])),
);

/** The editor's JSON (a string from the form, an array from code). */
const steps = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  },
  z.array(ZProcedureStep, { error: "invalid" }).min(1, "stepsRequired").max(20, "tooMany"),
);

/** A procedure as the admin edits it: in place while no student has started it, else as a new version. */
export const ZProcedureRevision = z.strictObject({
  procedureId: uuid,
  nameFr: text(200),
  nameEn: text(200),
  summaryFr: text(4000),
  summaryEn: text(4000),
  deadlineMonths: integerField(1, 12, "deadlineMonthsInvalid"),
  visaTypes: z.preprocess(
    asList,
    z
      .array(z.enum(visaTypes, { error: "invalid" }), { error: "invalid" })
      .min(1, "chooseAtLeastOne")
      .transform((types) => [...new Set(types)]),
  ),
  reminderDays,
  /** Nationalities left out of this procedure (they follow another regime). */
  excludedNationalities: countryCodeList(0)
    .optional()
    .transform((codes) => codes ?? []),
  steps,
});
export type TProcedureRevision = z.output<typeof ZProcedureRevision>;

/** The procedure new checklists of an academic year follow. */
export const ZYearProcedure = z.strictObject({
  academicYear: integerField(2000, 2100, "yearInvalid"),
  procedureId: uuid,
});
export type TYearProcedure = z.output<typeof ZYearProcedure>;

/** A fee's amount in euros as typed ("58", "58.00", "58,5"), kept in cents. */
export const ZFeeAmount = z.strictObject({
  feeId: uuid,
  amount: euroAmountField(10_000),
});
export type TFeeAmount = z.output<typeof ZFeeAmount>;

/** R-VIS-6: the visa-exempt nationalities, as ISO codes separated by spaces or commas. */
export const ZExemptCountries = z.strictObject({ countries: countryCodeList(1) });
export type TExemptCountries = z.output<typeof ZExemptCountries>;
