import "server-only";
import { type LinkMail, linkMail, linkUrl } from "@/lib/accounts/links";
import { issueToken } from "@/lib/accounts/tokens";
import type { Tx } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * The door for staff accounts (lib/users): an administrator never types nor sees a password
 * (R-ACC-8). An invited account holds a password nobody knows until its owner sets one
 * through the invitation link; an administrator can also send a reset link.
 */

type Account = { id: string; email: string; name: string; locale: AppLocale };

export async function invitationMail(tx: Tx, user: Account): Promise<LinkMail> {
  const token = await issueToken(tx, user.id, "INVITATION", user.email);
  return linkMail(user, "invitation", linkUrl(user.locale, "/reset-password", token));
}

export async function resetMail(tx: Tx, user: Account): Promise<LinkMail> {
  const token = await issueToken(tx, user.id, "PASSWORD_RESET", user.email);
  return linkMail(user, "passwordReset", linkUrl(user.locale, "/reset-password", token));
}
