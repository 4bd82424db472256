"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { ZExemptCountries, ZFeeAmount, ZProcedureRevision, ZYearProcedure } from "@/lib/visa-procedures/schemas";
import {
  reviseProcedure,
  setYearProcedure,
  updateExemptCountries,
  updateFeeAmount,
} from "@/lib/visa-procedures/service";

// The administration of residence-permit procedures (/admin/visa): back to the page, with a confirmation.

async function backToVisa(done: "saved" | "versioned", procedureId?: string): Promise<never> {
  const pathname = procedureId ? `/admin/visa/${procedureId}` : "/admin/visa";
  return redirectInLocale({ pathname, query: { done } });
}

/** Edit a procedure: in place, or as a new version once a student has started it. */
export const reviseProcedureAction = actionFor("visaProcedures.reviseProcedure")
  .input(ZProcedureRevision)
  .action(async ({ input, ctx }) => {
    const result = await reviseProcedure(ctx.viewer, input, ctx.requestId);
    await backToVisa(result.newVersion ? "versioned" : "saved", result.id);
  });

export const setYearProcedureAction = actionFor("visaProcedures.setYearProcedure")
  .input(ZYearProcedure)
  .action(async ({ input, ctx }) => {
    await setYearProcedure(ctx.viewer, input, ctx.requestId);
    await backToVisa("saved");
  });

export const updateFeeAmountAction = actionFor("visaProcedures.updateFeeAmount")
  .input(ZFeeAmount)
  .action(async ({ input, ctx }) => {
    await updateFeeAmount(ctx.viewer, input, ctx.requestId);
    await backToVisa("saved");
  });

export const updateExemptCountriesAction = actionFor("visaProcedures.updateExemptCountries")
  .input(ZExemptCountries)
  .action(async ({ input, ctx }) => {
    await updateExemptCountries(ctx.viewer, input, ctx.requestId);
    await backToVisa("saved");
  });
