import "server-only";
import { z } from "zod";
import { checkNewPassword, ZNewPasswordFields } from "@/lib/auth/new-password";
import { ZEmail, ZPersonName } from "@/lib/auth/schemas";

// Messages are catalogue keys (errors.validation.*): the action translates them. Server-only:
// the new-password check carries the strength estimator's dictionaries.

const token = z.string({ error: "required" }).max(200, "invalid");

export const ZRegister = z
  .strictObject({ name: ZPersonName, email: ZEmail, ...ZNewPasswordFields })
  .superRefine((input, context) => checkNewPassword(input, context, [input.name, input.email]));
export type TRegister = z.output<typeof ZRegister>;

export const ZForgotPassword = z.strictObject({ email: ZEmail });
export type TForgotPassword = z.output<typeof ZForgotPassword>;

export const ZResetPassword = z
  .strictObject({ token, ...ZNewPasswordFields })
  .superRefine((input, context) => checkNewPassword(input, context));
export type TResetPassword = z.output<typeof ZResetPassword>;

export const ZConfirmEmail = z.strictObject({ token });
export type TConfirmEmail = z.output<typeof ZConfirmEmail>;

const currentPassword = z.string({ error: "required" }).min(1, "required").max(1024, "passwordTooLong");

export const ZChangePassword = z
  .strictObject({ currentPassword, ...ZNewPasswordFields })
  .superRefine((input, context) => checkNewPassword(input, context));
export type TChangePassword = z.output<typeof ZChangePassword>;

export const ZChangeEmail = z.strictObject({ email: ZEmail, currentPassword });
export type TChangeEmail = z.output<typeof ZChangeEmail>;
