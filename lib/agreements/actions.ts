"use server";

import { getLocale } from "next-intl/server";
import { actionFor } from "@/lib/actions/chain";
import { ZCreateAgreement, ZUpdateAgreement } from "@/lib/agreements/schemas";
import { createAgreement, updateAgreement } from "@/lib/agreements/service";
import { redirect } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";

export const createAgreementAction = actionFor("agreements.createAgreement")
  .input(ZCreateAgreement)
  .action(async ({ input, ctx }) => {
    await createAgreement(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/agreements", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });

export const updateAgreementAction = actionFor("agreements.updateAgreement")
  .input(ZUpdateAgreement)
  .action(async ({ input, ctx }) => {
    await updateAgreement(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/agreements", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });
