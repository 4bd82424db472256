import "server-only";
import { plainName } from "@/lib/accounts/rules";
import { env } from "@/lib/env";
import type { AppLocale } from "@/lib/i18n/routing";
import type { MailTemplate } from "@/lib/mail/render";

/** A mail a service asks its action to send once the change is committed. */
export interface LinkMail {
  to: string;
  locale: AppLocale;
  template: MailTemplate;
  values: Record<string, string>;
}

type LinkPage = "/reset-password" | "/confirm-email";

/** The page a mailed link opens, in the recipient's language. */
export function linkUrl(locale: AppLocale, page: LinkPage, token: string): string {
  return `${env().APP_URL}/${locale}${page}?token=${token}`;
}

/**
 * A mail carrying a link; the name is reduced to one line of plain text (R-ACC-5). The mails
 * to an address nobody has confirmed yet (verifyEmail, emailChange) do not print the name at
 * all: whoever typed it may not own that address.
 */
export function linkMail(
  user: { email: string; name: string; locale: AppLocale },
  template: MailTemplate,
  link: string,
  to = user.email,
): LinkMail {
  return { to, locale: user.locale, template, values: { name: plainName(user.name), link } };
}
