import { z } from "zod";
import { ZSignIn } from "@/lib/auth/schemas";

/** A TOTP code or a recovery code; its shape is judged by the rules once spaces are removed. */
const ZTypedCode = z.string({ error: "required" }).trim().min(1, "required").max(32, "invalid");

export const ZVerifyCode = z.strictObject({
  code: ZTypedCode,
  callbackUrl: ZSignIn.shape.callbackUrl,
});

export const ZConfirmEnrolment = z.strictObject({ code: ZTypedCode });

export const ZNoInput = z.strictObject({});
