"use server";

import { getLocale } from "next-intl/server";
import { actionFor } from "@/lib/actions/chain";
import { redirect } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { ZDriContacts } from "@/lib/settings/schemas";
import { updateDriContacts } from "@/lib/settings/service";

// The settings page is its own list: back to it, with a confirmation.
export const updateDriContactsAction = actionFor("settings.updateDriContacts")
  .input(ZDriContacts)
  .action(async ({ input, ctx }) => {
    await updateDriContacts(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/settings", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });
