"use server";

import { actionFor } from "@/lib/actions/chain";
import { ZCreateAgreementKind, ZDeleteAgreementKind, ZUpdateAgreementKind } from "@/lib/agreements/kinds/schemas";
import { createAgreementKind, deleteAgreementKind, updateAgreementKind } from "@/lib/agreements/kinds/service";
import { redirectInLocale } from "@/lib/i18n/redirect";

const kindsPage = "/admin/agreements/kinds";

export const createAgreementKindAction = actionFor("agreements.createKind")
  .input(ZCreateAgreementKind)
  .action(async ({ input, ctx }) => {
    await createAgreementKind(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: kindsPage, query: { done: "saved" } });
  });

export const updateAgreementKindAction = actionFor("agreements.updateKind")
  .input(ZUpdateAgreementKind)
  .action(async ({ input, ctx }) => {
    await updateAgreementKind(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: kindsPage, query: { done: "saved" } });
  });

export const deleteAgreementKindAction = actionFor("agreements.deleteKind")
  .input(ZDeleteAgreementKind)
  .action(async ({ input, ctx }) => {
    await deleteAgreementKind(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: kindsPage, query: { done: "deleted" } });
  });
