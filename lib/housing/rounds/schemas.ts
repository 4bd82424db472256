import { z } from "zod";
import { academicYearBounds } from "@/lib/academic-year";
import { integerField, isObjectPayload } from "@/lib/form-fields";
import { AllocationPolicy, Semester } from "@/lib/generated/prisma/enums";
import { releaseDateFromDay, releaseDateInRange } from "@/lib/housing/rounds/rules";

/**
 * Housing release rounds (R-HOU-3), shared by the admin form and its actions. Messages are
 * keys of errors.validation.*. The release date is a day (YYYY-MM-DD, as a date input sends
 * it); left empty, it is the default one for the semester (July 1 or December 1).
 */

const ZReleaseDay = z
  .string({ error: "dateInvalid" })
  .trim()
  .refine((day) => day === "" || releaseDateFromDay(day) !== null, "dateInvalid")
  .transform((day) => (day === "" ? null : releaseDateFromDay(day)))
  .default(null);

const policy = z.enum(AllocationPolicy, { error: "required" });

/**
 * R-HOU-3: the release date falls within the academic year's span. Checked even when another
 * field is wrong (`when`), so that every error shows at once; hence the type guards.
 */
function releaseInRange(input: { academicYear: unknown; releaseAt: unknown }) {
  const { academicYear, releaseAt } = input;
  // No date: the default one, always within the span.
  return (
    !(typeof academicYear === "number" && releaseAt instanceof Date) || releaseDateInRange(academicYear, releaseAt)
  );
}

export const ZCreateHousingRound = z
  .strictObject({
    academicYear: integerField(academicYearBounds.min, academicYearBounds.max, "yearInvalid"),
    semester: z.enum(Semester, { error: "required" }),
    releaseAt: ZReleaseDay,
    policy,
  })
  .refine(releaseInRange, { message: "releaseDateRange", path: ["releaseAt"], when: isObjectPayload });
export type TCreateHousingRound = z.output<typeof ZCreateHousingRound>;

/** The year and semester name the round (requests point to it): they are not edited. */
export const ZUpdateHousingRound = z.strictObject({
  id: z.uuid({ error: "required" }),
  releaseAt: ZReleaseDay,
  policy,
});
export type TUpdateHousingRound = z.output<typeof ZUpdateHousingRound>;
