"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { ZCreatePartner, ZDeletePartner, ZUpdatePartner } from "@/lib/partners/schemas";
import { createPartner, deletePartner, updatePartner } from "@/lib/partners/service";

export const createPartnerAction = actionFor("partners.createPartner")
  .input(ZCreatePartner)
  .action(async ({ input, ctx }) => {
    await createPartner(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/partners", query: { done: "saved" } });
  });

export const updatePartnerAction = actionFor("partners.updatePartner")
  .input(ZUpdatePartner)
  .action(async ({ input, ctx }) => {
    await updatePartner(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/partners", query: { done: "saved" } });
  });

export const deletePartnerAction = actionFor("partners.deletePartner")
  .input(ZDeletePartner)
  .action(async ({ input, ctx }) => {
    await deletePartner(input.id, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/partners", query: { done: "deleted" } });
  });
