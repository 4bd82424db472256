import { z } from "zod";
import { checkboxField, integerField, isObjectPayload } from "@/lib/form-fields";
import { StudyLevel, TeachingLanguage } from "@/lib/generated/prisma/enums";

/** Programmes (R-ELI-6, R-ELI-7), shared by the admin form and its actions. Messages: errors.validation.*. */

const text = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");

const emptyToNull = (value: unknown) => (value === "" || value === undefined ? null : value);

const programmeFields = {
  componentId: z.uuid({ error: "required" }),
  nameFr: text(200),
  nameEn: text(200),
  level: z.enum(StudyLevel, { error: "required" }),
  teachingLanguage: z.enum(TeachingLanguage, { error: "required" }),
  doubleDegree: checkboxField,
  offshore: checkboxField,
  yearlyCapacity: z.preprocess(emptyToNull, integerField(1, 10_000, "capacityInvalid").nullable()),
  partnerId: z.preprocess(emptyToNull, z.uuid({ error: "invalid" }).nullable()),
};

type ProgrammeFlags = { doubleDegree: unknown; offshore: unknown; yearlyCapacity: unknown; partnerId: unknown };

/**
 * R-ELI-6: a double degree has a hard yearly capacity, so it must be set. A double degree is
 * run with a partner, and an offshore programme is taught on a partner's premises (R-ELI-7):
 * both name that partner. Checked even when another field is wrong (`when`), so that every
 * error shows at once; hence the strict comparisons.
 */
const doubleDegreeHasCapacity = (input: ProgrammeFlags) =>
  !(input.doubleDegree === true && input.yearlyCapacity === null);
const capacityIssue = { message: "capacityRequired", path: ["yearlyCapacity"], when: isObjectPayload };
const hasPartnerWhenNeeded = (input: ProgrammeFlags) =>
  !((input.doubleDegree === true || input.offshore === true) && input.partnerId === null);
const partnerIssue = { message: "partnerRequired", path: ["partnerId"], when: isObjectPayload };

export const ZCreateProgramme = z
  .strictObject(programmeFields)
  .refine(doubleDegreeHasCapacity, capacityIssue)
  .refine(hasPartnerWhenNeeded, partnerIssue);
export type TCreateProgramme = z.output<typeof ZCreateProgramme>;

export const ZUpdateProgramme = z
  .strictObject({ id: z.uuid({ error: "required" }), ...programmeFields })
  .refine(doubleDegreeHasCapacity, capacityIssue)
  .refine(hasPartnerWhenNeeded, partnerIssue);
export type TUpdateProgramme = z.output<typeof ZUpdateProgramme>;
