"use server";

import { actionFor } from "@/lib/actions/chain";
import { ZComponentCorrespondent, ZCreateComponent, ZUpdateComponent } from "@/lib/components/schemas";
import { attachCorrespondent, createComponent, detachCorrespondent, updateComponent } from "@/lib/components/service";
import { redirectInLocale } from "@/lib/i18n/redirect";

export const createComponentAction = actionFor("components.createComponent")
  .input(ZCreateComponent)
  .action(async ({ input, ctx }) => {
    await createComponent(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/components", query: { done: "saved" } });
  });

export const updateComponentAction = actionFor("components.updateComponent")
  .input(ZUpdateComponent)
  .action(async ({ input, ctx }) => {
    await updateComponent(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/components", query: { done: "saved" } });
  });

// Back to the component's page: an admin often attaches several correspondents in a row.
export const attachCorrespondentAction = actionFor("components.attachCorrespondent")
  .input(ZComponentCorrespondent)
  .action(async ({ input, ctx }) => {
    await attachCorrespondent(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/components/${input.componentId}`, query: { done: "attached" } });
  });

export const detachCorrespondentAction = actionFor("components.detachCorrespondent")
  .input(ZComponentCorrespondent)
  .action(async ({ input, ctx }) => {
    await detachCorrespondent(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/components/${input.componentId}`, query: { done: "detached" } });
  });
