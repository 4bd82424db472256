"use server";

import { actionFor } from "@/lib/actions/chain";
import { NotFoundError } from "@/lib/errors";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { getMassMailing } from "@/lib/mass-mail/queries";
import { ZMassMail, ZMassMailing } from "@/lib/mass-mail/schemas";
import { createMassMailing, startMassMailing } from "@/lib/mass-mail/service";

/** Writes the e-mail and its sent log for the filtered group, starts sending, shows the progress. */
export const sendMassMailAction = actionFor("massMail.send")
  .input(ZMassMail)
  .action(async ({ input, ctx }) => {
    const mailing = await createMassMailing(ctx.viewer, input, ctx.requestId);
    startMassMailing(mailing.id, ctx.requestId);
    await redirectInLocale(`/review/mail/${mailing.id}`);
  });

/** Sends what was never sent (after a restart, or a refusal of the mail server); never a sent one again. */
export const resumeMassMailAction = actionFor("massMail.resume")
  .input(ZMassMailing)
  .action(async ({ input, ctx }) => {
    if (!(await getMassMailing(ctx.viewer, input.mailingId))) throw new NotFoundError();
    startMassMailing(input.mailingId, ctx.requestId);
    await redirectInLocale(`/review/mail/${input.mailingId}`);
  });
