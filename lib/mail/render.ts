import "server-only";
import { createTranslator } from "use-intl/core";
import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/routing";
import type { MailMessage } from "@/lib/mail/send";

export type MailTemplate =
  | "submitted"
  | "resubmitted"
  | "requestChanges"
  | "accept"
  | "certificateIssued"
  | "reject"
  | "housingAccepted"
  | "housingWaitlisted"
  | "housingRefused"
  | "housingDeclined"
  | "housingReopened"
  | "withdrawn"
  | "visaReminder"
  | "jointMasterPath"
  | "verifyEmail"
  | "passwordReset"
  | "accountExists"
  | "emailChange"
  | "emailChangeNotice"
  | "invitation"
  | "massMail"
  | "integrationMovedUp"
  | "mentorAssigned"
  | "sponsorMatchedStudent"
  | "sponsorMatchedSponsor"
  | "sponsorMatchEnded"
  | "amiGranted"
  | "amiRefused"
  | "amiChangesRequested"
  | "secondFactorReset"
  | "messageToStaff"
  | "messageToStudent"
  | "documentToReplace"
  | "nominationInvitation"
  | "nominationNotice"
  | "ownerlessDossier";

export interface TemplateMail {
  to: string;
  locale: AppLocale;
  template: MailTemplate;
  values: Record<string, string | number>;
}

/**
 * A `mail` catalogue template in the recipient's language, with the link to the portal in that
 * language. It uses next-intl's own engine on the catalogue rather than the request's
 * translator, so that a mail reads the same whether an action sends it or a job does (jobs
 * and commands have no next-intl request context).
 */
export async function renderTemplateMail(mail: TemplateMail): Promise<MailMessage> {
  const t = createTranslator({
    locale: mail.locale,
    messages: await loadMessages(mail.locale),
    namespace: `mail.${mail.template}`,
    timeZone: "Europe/Paris",
  });
  const values = { ...mail.values, appUrl: `${env().APP_URL}/${mail.locale}` };
  return { to: mail.to, subject: t("subject", values), text: t("body", values) };
}
