"use server";

import { refresh } from "next/cache";
import { actionFor } from "@/lib/actions/chain";
import { ZArrivalDetails, ZArrivalStep, ZForeignNumber } from "@/lib/arrival/schemas";
import { recordForeignNumber, saveArrivalDetails, setArrivalStep } from "@/lib/arrival/service";

// The student's arrival page (/dossier/arrival): each action answers with what changed and
// refreshes the page, so the deadline and the steps shown are the saved ones.

/** R-VIS-6, R-VIS-1: nationality, visa type and arrival date. */
export const saveArrivalDetailsAction = actionFor("arrival.saveArrivalDetails")
  .input(ZArrivalDetails)
  .action(async ({ input, ctx }) => {
    const result = await saveArrivalDetails(ctx.viewer, input, ctx.requestId);
    refresh();
    return { saved: true, applies: result.procedureId !== null };
  });

/** Tick or untick one step of the residence-permit procedure. */
export const setArrivalStepAction = actionFor("arrival.setArrivalStep")
  .input(ZArrivalStep)
  .action(async ({ input, ctx }) => {
    const result = await setArrivalStep(ctx.viewer, input, ctx.requestId);
    refresh();
    return { stepId: result.stepId, done: result.done };
  });

/** R-VIS-4: record the AGDREF number, which completes the checklist. */
export const recordForeignNumberAction = actionFor("arrival.recordForeignNumber")
  .input(ZForeignNumber)
  .action(async ({ input, ctx }) => {
    const result = await recordForeignNumber(ctx.viewer, input, ctx.requestId);
    refresh();
    return { foreignNumber: result.foreignNumber };
  });
