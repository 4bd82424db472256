"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { ZDriContacts, ZMessageMailSetting } from "@/lib/settings/schemas";
import { updateDriContacts, updateMessageMailSetting } from "@/lib/settings/service";

// The settings page is its own list: back to it, with a confirmation.
export const updateDriContactsAction = actionFor("settings.updateDriContacts")
  .input(ZDriContacts)
  .action(async ({ input, ctx }) => {
    await updateDriContacts(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/settings", query: { done: "saved" } });
  });

export const updateMessageMailSettingAction = actionFor("settings.updateMessageMail")
  .input(ZMessageMailSetting)
  .action(async ({ input, ctx }) => {
    await updateMessageMailSetting(input.includeText, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/settings", query: { done: "saved" } });
  });
