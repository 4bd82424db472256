"use server";

import { getLocale } from "next-intl/server";
import { actionFor } from "@/lib/actions/chain";
import { ZCreateHousingRound, ZUpdateHousingRound } from "@/lib/housing/rounds/schemas";
import { createHousingRound, updateHousingRound } from "@/lib/housing/rounds/service";
import { redirect } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";

export const createHousingRoundAction = actionFor("housingRounds.createHousingRound")
  .input(ZCreateHousingRound)
  .action(async ({ input, ctx }) => {
    await createHousingRound(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/housing-rounds", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });

export const updateHousingRoundAction = actionFor("housingRounds.updateHousingRound")
  .input(ZUpdateHousingRound)
  .action(async ({ input, ctx }) => {
    await updateHousingRound(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/housing-rounds", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });
