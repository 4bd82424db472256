import { z } from "zod";

/** AMU components (faculties, schools) and their IR correspondents. Messages: errors.validation.*. */

const text = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
const id = z.uuid({ error: "required" });

/** A short code, unique, upper-cased: SCIENCES, LAW, POLYTECH… */
const ZComponentCode = z
  .string({ error: "required" })
  .trim()
  .toUpperCase()
  .min(1, "required")
  .max(20, "tooLong")
  .regex(/^[A-Z0-9][A-Z0-9_-]*$/, "componentCodeInvalid");

/** R-MSG-1: free text ("Mon–Thu 9:00–12:00, room B204"); empty when not published. */
const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((value) => value || null);

const componentFields = {
  code: ZComponentCode,
  nameFr: text(200),
  nameEn: text(200),
  officeHoursFr: optionalText(500),
  officeHoursEn: optionalText(500),
};

export const ZCreateComponent = z.strictObject(componentFields);
export type TCreateComponent = z.output<typeof ZCreateComponent>;

export const ZUpdateComponent = z.strictObject({ id, ...componentFields });
export type TUpdateComponent = z.output<typeof ZUpdateComponent>;

/** Attach or detach one correspondent (a user whose role is CORRESPONDENT). */
export const ZComponentCorrespondent = z.strictObject({ componentId: id, userId: id });
export type TComponentCorrespondent = z.output<typeof ZComponentCorrespondent>;
