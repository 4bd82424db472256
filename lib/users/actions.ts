"use server";

import { getLocale } from "next-intl/server";
import { actionFor } from "@/lib/actions/chain";
import { redirect } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { anonymisePerson } from "@/lib/privacy/erasure";
import { ZAnonymisePerson, ZChangeRole, ZCreateStaffAccount, ZSetAccountDisabled } from "@/lib/users/schemas";
import { changeRole, createStaffAccount, setAccountDisabled } from "@/lib/users/service";

export const createStaffAccountAction = actionFor("users.createStaffAccount")
  .input(ZCreateStaffAccount)
  .action(async ({ input, ctx }) => {
    await createStaffAccount(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/users", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });

export const setAccountDisabledAction = actionFor("users.setAccountDisabled")
  .input(ZSetAccountDisabled)
  .action(async ({ input, ctx }) => {
    await setAccountDisabled(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/users", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });

export const changeRoleAction = actionFor("users.changeRole")
  .input(ZChangeRole)
  .action(async ({ input, ctx }) => {
    await changeRole(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/users", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });

/** GDPR art. 17: erasure by anonymisation, within the legal holds (lib/privacy/rules.ts). */
export const anonymisePersonAction = actionFor("users.anonymisePerson")
  .input(ZAnonymisePerson)
  .action(async ({ input, ctx }) => {
    await anonymisePerson({ id: ctx.viewer.id, requestId: ctx.requestId }, input.userId);
    redirect({
      href: { pathname: "/admin/users", query: { done: "erased" } },
      locale: (await getLocale()) as AppLocale,
    });
  });
