"use server";

import { actionFor } from "@/lib/actions/chain";
import { DomainError } from "@/lib/errors";
import { ZReleaseRound, ZSendRoundMails, ZUncertainMail } from "@/lib/housing/release/schemas";
import {
  assertRoundReleased,
  markDecisionMailSent,
  releaseRound,
  resendDecisionMail,
} from "@/lib/housing/release/service";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { queueRoundMails } from "@/lib/jobs/definitions";

async function backToRound(roundId: string): Promise<never> {
  return redirectInLocale(`/review/housing/rounds/${roundId}`);
}

/**
 * R-HOU-3: releases the round (confirmed), then queues the e-mailing of its decisions for the
 * job workers, once the release is committed; the page follows the progress. Should this node
 * stop between the two, the page offers "send the remaining e-mails" (nothing is sent yet).
 */
export const releaseRoundAction = actionFor("housingRelease.releaseRound")
  .input(ZReleaseRound)
  .action(async ({ input, ctx }) => {
    await releaseRound(ctx.viewer, input.roundId, ctx.requestId);
    await queueRoundMails({ roundId: input.roundId, actorId: ctx.viewer.id, requestId: ctx.requestId });
    await backToRound(input.roundId);
  });

/** Resumes the e-mails of a released round (after a crash or a mail-server outage): idempotent. */
export const sendRoundMailsAction = actionFor("housingRelease.sendRoundMails")
  .input(ZSendRoundMails)
  .action(async ({ input, ctx }) => {
    await assertRoundReleased(input.roundId);
    await queueRoundMails({ roundId: input.roundId, actorId: ctx.viewer.id, requestId: ctx.requestId });
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
