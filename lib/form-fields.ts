import { z } from "zod";

/**
 * Reading values as an HTML form sends them, for the zod schemas of every feature: numbers
 * arrive as text ("" when left empty), checkbox groups as one string (one box ticked),
 * several strings, or nothing at all.
 */

/** For refinements that run even when a field is wrong: only on an object (a form, or code's input). */
export function isObjectPayload(payload: { value: unknown }) {
  return typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value);
}

export const asList = (value: unknown) =>
  value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value];

/** An integer typed in a form ("" is missing), or a number sent from code. */
export function integerField(min: number, max: number, message: string) {
  return z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
    z
      .number({ error: (issue) => (issue.input === undefined ? "required" : message) })
      .int(message)
      .min(min, message)
      .max(max, message),
  );
}

/** An amount in euros as typed ("58", "58.00", "58,5"), from 0 to `maxEuros`, kept in whole cents. */
export function euroAmountField(maxEuros: number) {
  return z.preprocess(
    (value) =>
      typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim().replace(",", "."))) : value,
    z
      .number({ error: (issue) => (issue.input === undefined ? "required" : "amountInvalid") })
      .min(0, "amountInvalid")
      .max(maxEuros, "amountInvalid")
      .refine(
        (euros) => Number.isInteger(Math.round(euros * 100)) && Math.abs(euros * 100 - Math.round(euros * 100)) < 1e-6,
        "amountInvalid",
      )
      .transform((euros) => Math.round(euros * 100)),
  );
}

/** A calendar day as a date input sends it ("2025-09-01"), as UTC midnight (a Prisma `@db.Date`). */
export const isoDateField = z.iso.date({ error: "dateInvalid" }).transform((value) => new Date(`${value}T00:00:00Z`));

/**
 * One text field holding a comma-separated list (ISCED-F codes, languages, …): entries trimmed,
 * then `normalise`d; blanks and duplicates dropped, the first order kept.
 */
export function commaList(list: string, normalise: (entry: string) => string = (entry) => entry): string[] {
  return [
    ...new Set(
      list
        .split(",")
        .map((entry) => normalise(entry.trim()))
        .filter(Boolean),
    ),
  ];
}

/** A required line of text: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number) =>
  z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");

/** A ticked checkbox sends "on"; an unticked one sends nothing. Code may send a boolean. */
export const checkboxField = z
  .union([z.enum(["on", "true", "false"]), z.boolean()], { error: "invalid" })
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");
