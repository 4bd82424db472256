"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import {
  ZChangeEmail,
  ZChangePassword,
  ZConfirmEmail,
  ZForgotPassword,
  ZRegister,
  ZResetPassword,
} from "@/lib/accounts/schemas";
import { sendLinkMails } from "@/lib/accounts/send-links";
import {
  changePassword,
  confirmEmail,
  registerStudent,
  requestEmailChange,
  requestPasswordReset,
  resendVerification,
  resetPassword,
} from "@/lib/accounts/service";
import { actionFor } from "@/lib/actions/chain";
import { requestClient } from "@/lib/auth/request-client";
import { redirectInLocale } from "@/lib/i18n/redirect";
import type { AppLocale } from "@/lib/i18n/routing";

/** Registration answers "check your inbox" whether or not the address had an account (R-ACC-6). */
export const registerAction = actionFor("accounts.register")
  .input(ZRegister)
  .action(async ({ input, ctx }) => {
    const locale = (await getLocale()) as AppLocale;
    const mails = await registerStudent(input, locale, requestClient(await headers()).address);
    await sendLinkMails(mails, ctx.requestId);
    await redirectInLocale({ pathname: "/register", query: { sent: "1" } });
  });

/** An AMU student registers for the mobility grant (issue 19): the same answer, with the university address. */
export const registerAmuStudentAction = actionFor("accounts.registerAmuStudent")
  .input(ZRegister)
  .action(async ({ input, ctx }) => {
    const locale = (await getLocale()) as AppLocale;
    const mails = await registerStudent(input, locale, requestClient(await headers()).address, "AMU_STUDENT");
    await sendLinkMails(mails, ctx.requestId);
    await redirectInLocale({ pathname: "/register/amu", query: { sent: "1" } });
  });

/** The same answer for any address (R-ACC-6). */
export const requestPasswordResetAction = actionFor("accounts.requestPasswordReset")
  .input(ZForgotPassword)
  .action(async ({ input, ctx }) => {
    const mails = await requestPasswordReset(input.email, requestClient(await headers()).address);
    await sendLinkMails(mails, ctx.requestId);
    await redirectInLocale({ pathname: "/forgot-password", query: { sent: "1" } });
  });

export const resetPasswordAction = actionFor("accounts.resetPassword")
  .input(ZResetPassword)
  .action(async ({ input }) => {
    await resetPassword(input);
    await redirectInLocale({ pathname: "/login", query: { done: "passwordSet" } });
  });

export const confirmEmailAction = actionFor("accounts.confirmEmail")
  .input(ZConfirmEmail)
  .action(async ({ input }) => {
    const outcome = await confirmEmail(input.token);
    await redirectInLocale({ pathname: "/confirm-email", query: { done: outcome } });
  });

export const resendVerificationAction = actionFor("accounts.resendVerification")
  .input(z.strictObject({}))
  .action(async ({ ctx }) => {
    await sendLinkMails(await resendVerification(ctx.viewer), ctx.requestId);
    await redirectInLocale({ pathname: "/account", query: { done: "verificationSent" } });
  });

export const changePasswordAction = actionFor("accounts.changePassword")
  .input(ZChangePassword)
  .action(async ({ input, ctx }) => {
    await changePassword(ctx.viewer, input);
    await redirectInLocale({ pathname: "/account", query: { done: "passwordChanged" } });
  });

export const requestEmailChangeAction = actionFor("accounts.requestEmailChange")
  .input(ZChangeEmail)
  .action(async ({ input, ctx }) => {
    await sendLinkMails(await requestEmailChange(ctx.viewer, input), ctx.requestId);
    await redirectInLocale({ pathname: "/account", query: { done: "emailChangeSent" } });
  });
