import "server-only";
import { type LinkMail, linkMail, linkUrl } from "@/lib/accounts/links";
import { issueFirstTokens, issueToken } from "@/lib/accounts/tokens";
import type { Tx } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/routing";
import type { MailTemplate } from "@/lib/mail/render";

/**
 * The door for invited accounts (lib/users for staff, lib/nominations for nominated students): an administrator never types nor sees a password
 * (R-ACC-8). An invited account holds a password nobody knows until its owner sets one
 * through the invitation link; an administrator can also send a reset link.
 */

type Account = { id: string; email: string; name: string; locale: AppLocale };

/** The link to choose a password; `template` words it (staff, or a nominated student: lib/nominations). */
export async function invitationMail(
  tx: Tx,
  user: Account,
  template: Extract<MailTemplate, "invitation" | "nominationInvitation"> = "invitation",
): Promise<LinkMail> {
  const token = await issueToken(tx, user.id, "INVITATION", user.email);
  return linkMail(user, template, linkUrl(user.locale, "/reset-password", token));
}

/** The invitations of many accounts just created at once (a nominations import), in one write. */
export async function firstInvitationMails(
  tx: Tx,
  users: Account[],
  template: Extract<MailTemplate, "invitation" | "nominationInvitation">,
): Promise<LinkMail[]> {
  const tokens = await issueFirstTokens(tx, users, "INVITATION");
  return users.map((user) => linkMail(user, template, linkUrl(user.locale, "/reset-password", tokens.get(user.id)!)));
}

export async function resetMail(tx: Tx, user: Account): Promise<LinkMail> {
  const token = await issueToken(tx, user.id, "PASSWORD_RESET", user.email);
  return linkMail(user, "passwordReset", linkUrl(user.locale, "/reset-password", token));
}
