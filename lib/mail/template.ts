import "server-only";
import { renderTemplateMail, type TemplateMail } from "@/lib/mail/render";
import { sendMail } from "@/lib/mail/send";

/**
 * A `mail` catalogue template sent through SMTP, outside any request (jobs and commands).
 * Unlike lib/mail/notify.ts it rejects on failure: the job that sends it keeps its own record
 * of what went out.
 */
export async function sendTemplateMail(mail: TemplateMail): Promise<void> {
  await sendMail(await renderTemplateMail(mail));
}
