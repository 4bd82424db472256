import { z } from "zod";
import { academicYearBounds } from "@/lib/academic-year";
import { integerField } from "@/lib/form-fields";
import { requiredText } from "@/lib/integration/form-text";

/** R-INT-1: an FLE course of a component (admin data). */

export const ZCreateFleCourse = z.strictObject({
  componentId: z.uuid({ error: "required" }),
  academicYear: integerField(academicYearBounds.min, academicYearBounds.max, "academicYearInvalid"),
  title: requiredText(200),
  schedule: requiredText(200),
  place: requiredText(300),
});
export type TCreateFleCourse = z.output<typeof ZCreateFleCourse>;

export const ZDeleteFleCourse = z.strictObject({ id: z.uuid({ error: "invalid" }) });
export type TDeleteFleCourse = z.output<typeof ZDeleteFleCourse>;
