import { z } from "zod";

/**
 * A required line of text typed in an integration form (a session's name, a course's place, a
 * teacher's name): spaces collapsed, at most `max` characters. Messages are errors.validation.*.
 */
export function requiredText(max: number) {
  return z
    .string({ error: "required" })
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "required").max(max, "tooLong"));
}
