"use server";

import { actionFor } from "@/lib/actions/chain";
import { ZCreateHousingRound, ZUpdateHousingRound } from "@/lib/housing/rounds/schemas";
import { createHousingRound, updateHousingRound } from "@/lib/housing/rounds/service";
import { redirectInLocale } from "@/lib/i18n/redirect";

export const createHousingRoundAction = actionFor("housingRounds.createHousingRound")
  .input(ZCreateHousingRound)
  .action(async ({ input, ctx }) => {
    await createHousingRound(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/housing-rounds", query: { done: "saved" } });
  });

export const updateHousingRoundAction = actionFor("housingRounds.updateHousingRound")
  .input(ZUpdateHousingRound)
  .action(async ({ input, ctx }) => {
    await updateHousingRound(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/housing-rounds", query: { done: "saved" } });
  });
