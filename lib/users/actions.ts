"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { anonymisePerson } from "@/lib/privacy/erasure";
import { ZAnonymisePerson, ZChangeRole, ZCreateStaffAccount, ZSetAccountDisabled } from "@/lib/users/schemas";
import { changeRole, createStaffAccount, setAccountDisabled } from "@/lib/users/service";

export const createStaffAccountAction = actionFor("users.createStaffAccount")
  .input(ZCreateStaffAccount)
  .action(async ({ input, ctx }) => {
    await createStaffAccount(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/users", query: { done: "saved" } });
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
