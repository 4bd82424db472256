import "server-only";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import type { AppLocale } from "@/lib/i18n/routing";
import { logError } from "@/lib/log";
import { sendMail } from "@/lib/mail/send";

export type MailTemplate =
  | "welcome"
  | "submitted"
  | "resubmitted"
  | "requestChanges"
  | "accept"
  | "reject"
  | "housingAccepted"
  | "housingWaitlisted"
  | "housingRefused"
  | "housingDeclined"
  | "withdrawn"
  | "visaReminder";

/**
 * Sends a message from the `mail` catalogue in the recipient's language. Called after the
 * change it reports has been committed; a mail server that is down must not undo that change,
 * so a failure is logged (with the request id) and not thrown.
 */
export async function notify(
  to: string,
  locale: AppLocale,
  template: MailTemplate,
  values: Record<string, string>,
  requestId: string,
): Promise<boolean> {
  const t = await getTranslations({ locale, namespace: `mail.${template}` });
  const all = { ...values, appUrl: `${env().APP_URL}/${locale}` };
  try {
    await sendMail({ to, subject: t("subject", all), text: t("body", all) });
    return true;
  } catch (error) {
    logError("mail.fail", { requestId, mail: template, error });
    return false;
  }
}
