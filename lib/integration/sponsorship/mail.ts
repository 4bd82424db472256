import "server-only";
import type { SponsorMail } from "@/lib/integration/sponsorship/service";
import { notify } from "@/lib/mail/notify";

/** R-INT-8: the match's mails, each side in their own language, after the commit. */
export async function sendSponsorMails(mails: SponsorMail[], requestId: string) {
  for (const mail of mails) await notify(mail.to, mail.locale, mail.template, mail.values, requestId);
}
