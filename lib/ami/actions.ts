"use server";

import { actionFor } from "@/lib/actions/chain";
import { sendAmiDecisionMail } from "@/lib/ami/decision-mail";
import { ZAmiApplication, ZAmiApplicationId, ZAmiDecision, ZAmiYearRate } from "@/lib/ami/schemas";
import { decideAmiApplication, saveAmiApplication, setAmiYearRate, submitAmiApplication } from "@/lib/ami/service";
import { redirectInLocale } from "@/lib/i18n/redirect";

// The international mobility grant (issue 19): the AMU student's application, the office's decisions and figures.

/** Saves the draft (new or changed) and shows it again. */
export const saveAmiApplicationAction = actionFor("ami.saveApplication")
  .input(ZAmiApplication)
  .action(async ({ input, ctx }) => {
    const { id } = await saveAmiApplication(ctx.viewer, input, ctx.requestId);
    await redirectInLocale({ pathname: `/ami/${id}`, query: { done: "saved" } });
  });

/** Sends the saved application to the international office. */
export const submitAmiApplicationAction = actionFor("ami.submitApplication")
  .input(ZAmiApplicationId)
  .action(async ({ input, ctx }) => {
    const { late } = await submitAmiApplication(ctx.viewer, input, ctx.requestId);
    await redirectInLocale({
      pathname: `/ami/${input.id}`,
      query: { done: late ? "submittedLate" : "submitted" },
    });
  });

/** The office's decision; the student is told by e-mail, in their language, once it is recorded. */
export const decideAmiAction = actionFor("ami.decide")
  .input(ZAmiDecision)
  .action(async ({ input, ctx }) => {
    const mail = await decideAmiApplication(ctx.viewer, input, ctx.requestId);
    await sendAmiDecisionMail(mail, ctx.requestId);
    await redirectInLocale({ pathname: `/admin/ami/${input.id}`, query: { done: "decided" } });
  });

export const setAmiYearRateAction = actionFor("ami.setYearRate")
  .input(ZAmiYearRate)
  .action(async ({ input, ctx }) => {
    await setAmiYearRate(ctx.viewer, input, ctx.requestId);
    await redirectInLocale({ pathname: "/admin/ami", query: { done: "ratesSaved" } });
  });
