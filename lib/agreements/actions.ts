"use server";

import { actionFor } from "@/lib/actions/chain";
import { ZCreateAgreement, ZUpdateAgreement } from "@/lib/agreements/schemas";
import { createAgreement, updateAgreement } from "@/lib/agreements/service";
import { redirectInLocale } from "@/lib/i18n/redirect";

export const createAgreementAction = actionFor("agreements.createAgreement")
  .input(ZCreateAgreement)
  .action(async ({ input, ctx }) => {
    await createAgreement(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/agreements", query: { done: "saved" } });
  });

export const updateAgreementAction = actionFor("agreements.updateAgreement")
  .input(ZUpdateAgreement)
  .action(async ({ input, ctx }) => {
    await updateAgreement(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/agreements", query: { done: "saved" } });
  });
