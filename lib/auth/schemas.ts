import { z } from "zod";
import { passwordLength, passwordPolicy } from "@/lib/auth/rules";
import { withoutControlCharacters } from "@/lib/security/control-characters";

// Messages are catalogue keys (errors.validation.*): the action translates them.
export const ZEmail = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(254, "emailInvalid")
  .pipe(z.email({ error: "emailInvalid" }))
  .transform((email) => email.toLowerCase());

export const ZPassword = z
  .string({ error: "required" })
  .min(1, "required")
  .refine((password) => passwordLength(password) >= passwordPolicy.minLength, "passwordTooShort")
  .refine((password) => passwordLength(password) <= passwordPolicy.maxLength, "passwordTooLong");

/** A person's name: one line of plain text (R-ACC-5), control characters and line breaks refused. */
export const ZPersonName = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(120, "tooLong")
  .refine((name) => !/[\p{Cc}\p{Zl}\p{Zp}]/u.test(name), "nameOneLine");

/** Sign-in checks only the shape: the policy is for new passwords, and a 10 KB one stops here. */
export const ZSignIn = z.strictObject({
  email: ZEmail,
  password: z.string({ error: "required" }).min(1, "required").max(1024, "passwordTooLong"),
  // R-SEC-6: refused before the session is opened, not after.
  callbackUrl: z.string().max(2048).refine(withoutControlCharacters, "invalid").optional(),
});
export type TSignIn = z.infer<typeof ZSignIn>;
