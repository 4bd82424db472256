"use server";

import { actionFor } from "@/lib/actions/chain";
import { mailDecision } from "@/lib/applications/decision-mail";
import {
  type ApplicationStep,
  ZDecision,
  ZHomeStep,
  ZHousingStep,
  ZIdentityStep,
  ZInternalComment,
  ZLanguagesStep,
  ZNoInput,
  ZStudyStep,
} from "@/lib/applications/schemas";
import {
  addInternalComment,
  decideOnApplication,
  saveApplicationStep,
  startNewApplication,
  submitApplication,
  withdrawApplication,
} from "@/lib/applications/service";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { notify } from "@/lib/mail/notify";

async function goTo(step: ApplicationStep): Promise<never> {
  return redirectInLocale(`/apply/${step}`);
}

export const saveIdentityAction = actionFor("applications.saveIdentity")
  .input(ZIdentityStep)
  .action(async ({ input, ctx }) => {
    await saveApplicationStep(ctx.viewer, { step: "identity", input }, ctx.requestId);
    await goTo("home");
  });

export const saveHomeAction = actionFor("applications.saveHome")
  .input(ZHomeStep)
  .action(async ({ input, ctx }) => {
    await saveApplicationStep(ctx.viewer, { step: "home", input }, ctx.requestId);
    await goTo("study");
  });

export const saveStudyAction = actionFor("applications.saveStudy")
  .input(ZStudyStep)
  .action(async ({ input, ctx }) => {
    await saveApplicationStep(ctx.viewer, { step: "study", input }, ctx.requestId);
    await goTo("languages");
  });

export const saveLanguagesAction = actionFor("applications.saveLanguages")
  .input(ZLanguagesStep)
  .action(async ({ input, ctx }) => {
    await saveApplicationStep(ctx.viewer, { step: "languages", input }, ctx.requestId);
    await goTo("housing");
  });

export const saveHousingAction = actionFor("applications.saveHousing")
  .input(ZHousingStep)
  .action(async ({ input, ctx }) => {
    await saveApplicationStep(ctx.viewer, { step: "housing", input }, ctx.requestId);
    await goTo("documents");
  });

export const submitApplicationAction = actionFor("applications.submitApplication")
  .input(ZNoInput)
  .action(async ({ ctx }) => {
    const result = await submitApplication(ctx.viewer, ctx.requestId);
    if (!result.alreadySubmitted) {
      await notify(
        ctx.viewer.email,
        ctx.viewer.locale,
        result.resubmission ? "resubmitted" : "submitted",
        { name: ctx.viewer.name },
        ctx.requestId,
      );
    }
    // A faculty without a correspondent: the administrators take the dossier.
    if (!result.alreadySubmitted && !result.resubmission) {
      for (const admin of result.ownerlessAlert) {
        await notify(admin.email, admin.locale, "ownerlessDossier", { name: admin.name }, ctx.requestId);
      }
    }
    if (result.housingReopened) {
      await notify(ctx.viewer.email, ctx.viewer.locale, "housingReopened", { name: ctx.viewer.name }, ctx.requestId);
    }
    await redirectInLocale("/dossier");
  });

export const withdrawApplicationAction = actionFor("applications.withdrawApplication")
  .input(ZNoInput)
  .action(async ({ ctx }) => {
    await withdrawApplication(ctx.viewer, ctx.requestId);
    // Withdrawing also frees a residence room, if one was held (R-HOU waitlist).
    await notify(ctx.viewer.email, ctx.viewer.locale, "withdrawn", { name: ctx.viewer.name }, ctx.requestId);
    await redirectInLocale("/dossier");
  });

/** Start review, request changes, accept or reject; every decision but the first is e-mailed. */
export const decideAction = actionFor("applications.decide")
  .input(ZDecision)
  .action(async ({ input, ctx }) => {
    const outcome = await decideOnApplication(ctx.viewer, input, ctx.requestId);
    await mailDecision(input.decision, outcome, ctx.requestId);
    await redirectInLocale(`/review/${outcome.applicationId}`);
  });

export const addInternalCommentAction = actionFor("applications.addInternalComment")
  .input(ZInternalComment)
  .action(async ({ input, ctx }) => {
    await addInternalComment(ctx.viewer, input, ctx.requestId);
    await redirectInLocale(`/review/${input.applicationId}`);
  });

/** R-ELI-9: a new application copying the previous one (after a refusal or withdrawal, or an extension). */
export const startNewApplicationAction = actionFor("applications.startNewApplication")
  .input(ZNoInput)
  .action(async ({ ctx }) => {
    await startNewApplication(ctx.viewer, ctx.requestId);
    await redirectInLocale("/apply");
  });
