import "server-only";
import { createTranslator } from "use-intl/core";
import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/routing";
import type { MailTemplate } from "@/lib/mail/notify";
import { sendMail } from "@/lib/mail/send";

export interface TemplateMail {
  to: string;
  locale: AppLocale;
  template: MailTemplate;
  values: Record<string, string | number>;
}

/**
 * A `mail` catalogue template in the recipient's language, sent through SMTP, outside any
 * request (jobs and commands have no next-intl request context). Unlike lib/mail/notify.ts it
 * rejects on failure: the job that sends it keeps its own record of what went out.
 */
export async function sendTemplateMail(mail: TemplateMail): Promise<void> {
  const t = createTranslator({
    locale: mail.locale,
    messages: await loadMessages(mail.locale),
    namespace: `mail.${mail.template}`,
    timeZone: "Europe/Paris",
  });
  const values = { ...mail.values, appUrl: `${env().APP_URL}/${mail.locale}` };
  await sendMail({
    to: mail.to,
    subject: t("subject", values),
    text: t("body", values),
  });
}
