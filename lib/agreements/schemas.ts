import { z } from "zod";
import { AgreementKind, StudyLevel } from "@/lib/generated/prisma/enums";

/**
 * Agreements (R-PAR-1, R-ELI-1, R-ELI-6), shared by the admin form and its actions. Messages
 * are keys of errors.validation.*. Checkbox groups arrive from a form as one string (one box
 * ticked), several strings, or nothing at all.
 */

/** Academic years are named by the calendar year they start in; sensible bounds. */
export const academicYearBounds = { min: 2000, max: 2100 } as const;

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

const year = integerField(academicYearBounds.min, academicYearBounds.max, "yearInvalid");

const agreementFields = {
  partnerId: z.uuid({ error: "required" }),
  kind: z.enum(AgreementKind, { error: "required" }),
  componentIds: z.preprocess(
    asList,
    z
      .array(z.uuid({ error: "invalid" }), { error: "invalid" })
      .min(1, "chooseAtLeastOne")
      .max(50, "tooMany")
      .transform((ids) => [...new Set(ids)]),
  ),
  studyLevels: z.preprocess(
    asList,
    z
      .array(z.enum(StudyLevel, { error: "invalid" }), { error: "invalid" })
      .min(1, "chooseAtLeastOne")
      .transform((levels) => [...new Set(levels)]),
  ),
  firstAcademicYear: year,
  lastAcademicYear: year,
  incomingSeatsPerYear: integerField(0, 10_000, "seatsInvalid"),
};

/**
 * The first academic year comes before the last. Checked even when another field is wrong
 * (`when`), so that every error shows at once; hence the type guards.
 */
function yearsInOrder(input: { firstAcademicYear: unknown; lastAcademicYear: unknown }) {
  const { firstAcademicYear: first, lastAcademicYear: last } = input;
  return !(typeof first === "number" && typeof last === "number" && first > last);
}
const yearsInOrderIssue = { message: "yearOrder", path: ["lastAcademicYear"], when: isObjectPayload };

export const ZCreateAgreement = z.strictObject(agreementFields).refine(yearsInOrder, yearsInOrderIssue);
export type TCreateAgreement = z.output<typeof ZCreateAgreement>;

export const ZUpdateAgreement = z
  .strictObject({ id: z.uuid({ error: "required" }), ...agreementFields })
  .refine(yearsInOrder, yearsInOrderIssue);
export type TUpdateAgreement = z.output<typeof ZUpdateAgreement>;
