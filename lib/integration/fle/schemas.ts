import { z } from "zod";
import { academicYearBounds } from "@/lib/academic-year";
import { integerField } from "@/lib/form-fields";

/** R-INT-1: an FLE course of a component (admin data). */

const text = (max: number) =>
  z
    .string({ error: "required" })
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "required").max(max, "tooLong"));

export const ZCreateFleCourse = z.strictObject({
  componentId: z.uuid({ error: "required" }),
  academicYear: integerField(academicYearBounds.min, academicYearBounds.max, "academicYearInvalid"),
  title: text(200),
  schedule: text(200),
  place: text(300),
});
export type TCreateFleCourse = z.output<typeof ZCreateFleCourse>;

export const ZDeleteFleCourse = z.strictObject({ id: z.uuid({ error: "invalid" }) });
export type TDeleteFleCourse = z.output<typeof ZDeleteFleCourse>;
