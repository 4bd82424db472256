import "server-only";
import type { AppLocale } from "@/lib/i18n/routing";
import { logError } from "@/lib/log";
import { type MailTemplate, renderTemplateMail } from "@/lib/mail/render";
import { type MailMessage, sendMail } from "@/lib/mail/send";

/**
 * Sends a message from the `mail` catalogue in the recipient's language, from an action.
 * Called after the change it reports has been committed; a mail server that is down must not
 * undo that change, so a failure is logged (with the request id) and not thrown.
 */
export async function notify(
  to: string,
  locale: AppLocale,
  template: MailTemplate,
  values: Record<string, string>,
  requestId: string,
  attachments?: MailMessage["attachments"],
): Promise<boolean> {
  const message = { ...(await renderTemplateMail({ to, locale, template, values })), attachments };
  try {
    await sendMail(message);
    return true;
  } catch (error) {
    logError("mail.fail", { requestId, mail: template, error });
    return false;
  }
}
