import "server-only";
import type { LinkMail } from "@/lib/accounts/links";
import { notify } from "@/lib/mail/notify";

/** Sends the link mails a service returned, after its commit (a mail server down is logged). */
export async function sendLinkMails(mails: LinkMail[], requestId: string): Promise<void> {
  for (const mail of mails) await notify(mail.to, mail.locale, mail.template, mail.values, requestId);
}
