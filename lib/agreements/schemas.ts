import { z } from "zod";
import { academicYearBounds } from "@/lib/academic-year";
import { asList, integerField, isObjectPayload } from "@/lib/form-fields";
import { AgreementKind, StudyLevel } from "@/lib/generated/prisma/enums";

/**
 * Agreements (R-PAR-1, R-ELI-1, R-ELI-6), shared by the admin form and its actions. Messages
 * are keys of errors.validation.*.
 */

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
