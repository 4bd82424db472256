"use server";

import { refresh } from "next/cache";
import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { sendSponsorMails } from "@/lib/integration/sponsorship/mail";
import {
  ZApplyAsSponsor,
  ZConfirmSponsorMatch,
  ZDecideSponsor,
  ZOptInSponsorship,
  ZWithdrawSponsorship,
} from "@/lib/integration/sponsorship/schemas";
import {
  applyAsSponsor,
  confirmSponsorMatch,
  decideSponsor,
  optInSponsorship,
  withdrawSponsorship,
} from "@/lib/integration/sponsorship/service";

export const applyAsSponsorAction = actionFor("sponsorship.applyAsSponsor")
  .input(ZApplyAsSponsor)
  .action(async ({ input, ctx }) => {
    await applyAsSponsor(ctx.viewer, input, ctx.requestId);
    await redirectInLocale({ pathname: "/sponsor/register", query: { sent: "1" } });
  });

export const decideSponsorAction = actionFor("sponsorship.decideSponsor")
  .input(ZDecideSponsor)
  .action(async ({ input, ctx }) => {
    await decideSponsor(ctx.viewer, input, ctx.requestId);
    await redirectInLocale({ pathname: "/admin/sponsors", query: { done: "saved" } });
  });

export const optInSponsorshipAction = actionFor("sponsorship.optIn")
  .input(ZOptInSponsorship)
  .action(async ({ input, ctx }) => {
    await optInSponsorship(ctx.viewer, input, ctx.requestId);
    refresh();
    return { optedIn: true };
  });

/** R-INT-6: withdrawing ends a confirmed match; the sponsor is told. */
export const withdrawSponsorshipAction = actionFor("sponsorship.withdraw")
  .input(ZWithdrawSponsorship)
  .action(async ({ ctx }) => {
    const { mails } = await withdrawSponsorship(ctx.viewer, ctx.requestId);
    await sendSponsorMails(mails, ctx.requestId);
    refresh();
    return { withdrawn: true };
  });

/** R-INT-8: confirm a suggestion, change the sponsor, or force a pair; both sides are e-mailed. */
export const confirmSponsorMatchAction = actionFor("sponsorship.confirmMatch")
  .input(ZConfirmSponsorMatch)
  .action(async ({ input, ctx }) => {
    const { mails } = await confirmSponsorMatch(ctx.viewer, input, ctx.requestId);
    await sendSponsorMails(mails, ctx.requestId);
    refresh();
    return { confirmed: true };
  });
