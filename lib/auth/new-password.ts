import "server-only";
import { z } from "zod";
import { weaknessOf } from "@/lib/auth/password-strength";
import { ZPassword } from "@/lib/auth/schemas";

/**
 * A new password (registration, reset, change, invitation): the length rules of ZPassword,
 * then the strength estimator. Server-only, so kept apart from lib/auth/schemas.ts, which
 * forms import. `knownInputs` are the person's own name and e-mail, which a guesser tries first.
 */
export function checkNewPassword(
  input: { password: string; passwordConfirmation: string },
  context: z.RefinementCtx,
  knownInputs: string[] = [],
): void {
  if (input.password !== input.passwordConfirmation) {
    context.addIssue({ code: "custom", message: "passwordMismatch", path: ["passwordConfirmation"] });
  }
  if (!ZPassword.safeParse(input.password).success) return;
  const weakness = weaknessOf(input.password, knownInputs);
  if (weakness) context.addIssue({ code: "custom", message: weakness, path: ["password"] });
}

export const ZNewPasswordFields = {
  password: ZPassword,
  passwordConfirmation: z.string({ error: "required" }),
};
