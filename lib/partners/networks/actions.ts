"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { ZCreateNetwork, ZDeleteNetwork, ZRenameNetwork } from "@/lib/partners/networks/schemas";
import { createNetwork, deleteNetwork, renameNetwork } from "@/lib/partners/networks/service";

const networksPage = "/admin/partners/networks";

export const createNetworkAction = actionFor("partners.createNetwork")
  .input(ZCreateNetwork)
  .action(async ({ input, ctx }) => {
    await createNetwork(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: networksPage, query: { done: "saved" } });
  });

export const renameNetworkAction = actionFor("partners.renameNetwork")
  .input(ZRenameNetwork)
  .action(async ({ input, ctx }) => {
    await renameNetwork(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: networksPage, query: { done: "saved" } });
  });

export const deleteNetworkAction = actionFor("partners.deleteNetwork")
  .input(ZDeleteNetwork)
  .action(async ({ input, ctx }) => {
    await deleteNetwork(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: networksPage, query: { done: "deleted" } });
  });
