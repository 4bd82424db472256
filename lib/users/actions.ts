"use server";

import { getLocale } from "next-intl/server";
import { actionFor } from "@/lib/actions/chain";
import { redirect } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { ZChangeRole, ZCreateStaffAccount, ZSetAccountDisabled } from "@/lib/users/schemas";
import { changeRole, createStaffAccount, setAccountDisabled } from "@/lib/users/service";

export const createStaffAccountAction = actionFor("users.createStaffAccount").input(ZCreateStaffAccount).action(async ({ input, ctx }) => {
  await createStaffAccount(input, { id: ctx.viewer.id, requestId: ctx.requestId });
  redirect({ href: { pathname: "/admin/users", query: { done: "saved" } }, locale: (await getLocale()) as AppLocale });
});

export const setAccountDisabledAction = actionFor("users.setAccountDisabled").input(ZSetAccountDisabled).action(async ({ input, ctx }) => {
  await setAccountDisabled(input, { id: ctx.viewer.id, requestId: ctx.requestId });
  redirect({ href: { pathname: "/admin/users", query: { done: "saved" } }, locale: (await getLocale()) as AppLocale });
});

export const changeRoleAction = actionFor("users.changeRole").input(ZChangeRole).action(async ({ input, ctx }) => {
  await changeRole(input, { id: ctx.viewer.id, requestId: ctx.requestId });
  redirect({ href: { pathname: "/admin/users", query: { done: "saved" } }, locale: (await getLocale()) as AppLocale });
});
