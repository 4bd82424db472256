"use server";

import { sendLinkMails } from "@/lib/accounts/send-links";
import { actionFor } from "@/lib/actions/chain";
import { resetSecondFactor } from "@/lib/auth/second-factor/service";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { notify } from "@/lib/mail/notify";
import { anonymisePerson } from "@/lib/privacy/erasure";
import {
  ZAnonymisePerson,
  ZChangeRole,
  ZCreateStaffAccount,
  ZResetSecondFactor,
  ZSendPasswordReset,
  ZSetAccountDisabled,
} from "@/lib/users/schemas";
import { changeRole, createStaffAccount, sendPasswordReset, setAccountDisabled } from "@/lib/users/service";

export const createStaffAccountAction = actionFor("users.createStaffAccount")
  .input(ZCreateStaffAccount)
  .action(async ({ input, ctx }) => {
    const { invitation } = await createStaffAccount(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await sendLinkMails([invitation], ctx.requestId);
    await redirectInLocale({ pathname: "/admin/users", query: { done: "invited" } });
  });

export const sendPasswordResetAction = actionFor("users.sendPasswordReset")
  .input(ZSendPasswordReset)
  .action(async ({ input, ctx }) => {
    const mail = await sendPasswordReset(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await sendLinkMails([mail], ctx.requestId);
    await redirectInLocale({ pathname: "/admin/users", query: { done: "resetSent" } });
  });

/** R-MFA-6: a lost authenticator; the person is told by e-mail (someone else may have asked). */
export const resetSecondFactorAction = actionFor("users.resetSecondFactor")
  .input(ZResetSecondFactor)
  .action(async ({ input, ctx }) => {
    const person = await resetSecondFactor(input.userId, { id: ctx.viewer.id, requestId: ctx.requestId });
    await notify(person.email, person.locale, "secondFactorReset", { name: person.name }, ctx.requestId);
    await redirectInLocale({ pathname: `/admin/users/${input.userId}`, query: { done: "secondFactorReset" } });
  });

export const setAccountDisabledAction = actionFor("users.setAccountDisabled")
  .input(ZSetAccountDisabled)
  .action(async ({ input, ctx }) => {
    await setAccountDisabled(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/users", query: { done: "saved" } });
  });

export const changeRoleAction = actionFor("users.changeRole")
  .input(ZChangeRole)
  .action(async ({ input, ctx }) => {
    await changeRole(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/users", query: { done: "saved" } });
  });

/** GDPR art. 17: erasure by anonymisation, within the legal holds (lib/privacy/rules.ts). */
export const anonymisePersonAction = actionFor("users.anonymisePerson")
  .input(ZAnonymisePerson)
  .action(async ({ input, ctx }) => {
    await anonymisePerson({ id: ctx.viewer.id, requestId: ctx.requestId }, input.userId);
    await redirectInLocale({ pathname: "/admin/users", query: { done: "erased" } });
  });
