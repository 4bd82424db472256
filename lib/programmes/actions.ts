"use server";

import { getLocale } from "next-intl/server";
import { actionFor } from "@/lib/actions/chain";
import { redirect } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { ZCreateProgramme, ZUpdateProgramme } from "@/lib/programmes/schemas";
import { createProgramme, updateProgramme } from "@/lib/programmes/service";

export const createProgrammeAction = actionFor("programmes.createProgramme")
  .input(ZCreateProgramme)
  .action(async ({ input, ctx }) => {
    await createProgramme(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/programmes", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });

export const updateProgrammeAction = actionFor("programmes.updateProgramme")
  .input(ZUpdateProgramme)
  .action(async ({ input, ctx }) => {
    await updateProgramme(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/programmes", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });
