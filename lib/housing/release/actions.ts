"use server";

import { actionFor } from "@/lib/actions/chain";
import { DomainError } from "@/lib/errors";
import { ZReleaseRound, ZSendRoundMails, ZUncertainMail } from "@/lib/housing/release/schemas";
import { markDecisionMailSent, releaseRound, resendDecisionMail, startRoundMails } from "@/lib/housing/release/service";
import { redirectInLocale } from "@/lib/i18n/redirect";

async function backToRound(roundId: string): Promise<never> {
  return redirectInLocale(`/review/housing/rounds/${roundId}`);
}

/**
 * R-HOU-3: releases the round (confirmed), then starts e-mailing its decisions in the
 * background; the page follows the progress.
 */
export const releaseRoundAction = actionFor("housingRelease.releaseRound")
  .input(ZReleaseRound)
  .action(async ({ input, ctx }) => {
    await releaseRound(ctx.viewer, input.roundId, ctx.requestId);
    await startRoundMails(input.roundId, { actorId: ctx.viewer.id, requestId: ctx.requestId });
    await backToRound(input.roundId);
  });

/** Resumes the e-mails of a released round (after a crash or a mail-server outage): idempotent. */
export const sendRoundMailsAction = actionFor("housingRelease.sendRoundMails")
  .input(ZSendRoundMails)
  .action(async ({ input, ctx }) => {
    await startRoundMails(input.roundId, { actorId: ctx.viewer.id, requestId: ctx.requestId });
    await backToRound(input.roundId);
  });

/** Staff checked that an uncertain e-mail did leave: it is recorded as sent, not sent again. */
export const markDecisionMailSentAction = actionFor("housingRelease.markDecisionMailSent")
  .input(ZUncertainMail)
  .action(async ({ input, ctx }) => {
    await markDecisionMailSent(ctx.viewer, input, ctx.requestId);
    await backToRound(input.roundId);
  });

/** Staff checked that an uncertain e-mail did not leave: it is sent now. */
export const resendDecisionMailAction = actionFor("housingRelease.resendDecisionMail")
  .input(ZUncertainMail)
  .action(async ({ input, ctx }) => {
    const result = await resendDecisionMail(ctx.viewer, input, ctx.requestId);
    // Refused by the mail server: the claim is cleared, so "send the remaining e-mails" retries it.
    if (result.outcome === "failed") throw new DomainError("housingMailSendFailed");
    await backToRound(input.roundId);
  });
