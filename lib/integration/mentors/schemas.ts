import { z } from "zod";
import { asList } from "@/lib/form-fields";
import { requiredText } from "@/lib/integration/form-text";

/** R-INT-2: mentoring teachers (contacts of a component) and their assignment to students. */

export const ZAddMentorTeacher = z.strictObject({
  componentId: z.uuid({ error: "required" }),
  name: requiredText(200),
  email: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "emailInvalid" }).max(254, "tooLong")),
  contactNote: z
    .string({ error: "invalid" })
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().max(300, "tooLong"))
    .transform((value) => value || null)
    .default(null),
});
export type TAddMentorTeacher = z.output<typeof ZAddMentorTeacher>;

/** One teacher for a list of students (ticked boxes arrive as one string or several). */
export const ZAssignMentor = z.strictObject({
  teacherId: z.uuid({ error: "required" }),
  applicationIds: z.preprocess(
    asList,
    z
      .array(z.uuid({ error: "invalid" }))
      .min(1, "chooseAtLeastOne")
      .max(500, "tooMany"),
  ),
});
export type TAssignMentor = z.output<typeof ZAssignMentor>;
