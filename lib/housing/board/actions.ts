"use server";

import { refresh } from "next/cache";
import { actionFor } from "@/lib/actions/chain";
import { ZConfirmSuggestion, ZHousingDecision, ZRank, ZSuggest } from "@/lib/housing/board/schemas";
import {
  confirmHousingSuggestion,
  decideHousingRequest,
  rankHousingRequest,
  suggestHousingAllocation,
} from "@/lib/housing/board/service";
import { redirectInLocale } from "@/lib/i18n/redirect";

async function backToBoard(roundId?: string): Promise<never> {
  return redirectInLocale({ pathname: "/review/housing", query: roundId ? { round: roundId } : {} });
}

/**
 * Accept (with a residence), waitlist or refuse; after the release, the decision is mailed at
 * once. The board is refreshed where it is: its search, filters and page stay.
 */
export const decideHousingAction = actionFor("housing.decideHousing")
  .input(ZHousingDecision)
  .action(async ({ input, ctx }) => {
    await decideHousingRequest(ctx.viewer, input, ctx.requestId);
    refresh();
  });

export const rankHousingAction = actionFor("housing.rankHousing")
  .input(ZRank)
  .action(async ({ input, ctx }) => {
    await rankHousingRequest(ctx.viewer, input, ctx.requestId);
    refresh();
  });

/** Proposes decisions for the round's open requests; nothing is written until confirmed. */
export const suggestHousingAction = actionFor("housing.suggestHousing")
  .input(ZSuggest)
  .action(async ({ input, ctx }) => {
    return suggestHousingAllocation(ctx.viewer, input.roundId);
  });

export const confirmHousingSuggestionAction = actionFor("housing.confirmHousingSuggestion")
  .input(ZConfirmSuggestion)
  .action(async ({ input, ctx }) => {
    await confirmHousingSuggestion(ctx.viewer, input, ctx.requestId);
    await backToBoard(input.roundId);
  });
