import "server-only";
import { type LinkMail, linkMail, linkUrl } from "@/lib/accounts/links";
import { takeQuota } from "@/lib/accounts/quota";
import { isUniversityStudentEmail, quotas } from "@/lib/accounts/rules";
import type { TChangeEmail, TChangePassword, TRegister, TResetPassword } from "@/lib/accounts/schemas";
import { consumeTokenOrThrow, issueToken } from "@/lib/accounts/tokens";
import { recordAudit } from "@/lib/audit";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * Accounts that last: registration with a verified address, forgotten and changed passwords,
 * change of e-mail. Each function answers with the mails to send once committed; what an
 * anonymous caller is told never depends on whether an account exists (R-ACC-6).
 */

const accountFields = { id: true, email: true, name: true, locale: true, disabled: true } as const;

/**
 * AMU's own students (issue 19) use their university address, verified by the mailed link, on
 * registering and on changing it: the role is granted for that address.
 */
function assertUniversityStudentEmail(email: string): void {
  const domains = env().AMU_STUDENT_EMAIL_DOMAINS;
  if (!isUniversityStudentEmail(email, domains)) {
    throw new DomainError("amiUniversityEmail", { domains: domains.map((domain) => `@${domain}`).join(", ") }, "email");
  }
}

/**
 * A student registers (R-ACC-6): a new address gets an account and a verification link; an
 * address that has an account gets, instead, a notice with a reset link to its owner. The
 * caller is told the same in both cases, after the same argon2 work.
 */
export async function registerStudent(
  input: TRegister,
  locale: AppLocale,
  address: string,
  role: "STUDENT" | "AMU_STUDENT" = "STUDENT",
): Promise<LinkMail[]> {
  if (role === "AMU_STUDENT") assertUniversityStudentEmail(input.email);
  const perAddress = { ...quotas.registerPerAddress, limit: env().REGISTRATIONS_PER_ADDRESS_PER_HOUR };
  if (!(await takeQuota(`register-ip:${address}`, perAddress))) {
    throw new DomainError("tooManyRequests");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: accountFields });
      if (existing) return existingAccountNotice(tx, existing);
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, locale, role },
        select: accountFields,
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.register",
        entityType: "User",
        entityId: user.id,
        after: { email: user.email, name: user.name, role },
      });
      const token = await issueToken(tx, user.id, "EMAIL_VERIFICATION", user.email);
      return [linkMail(user, "verifyEmail", linkUrl(user.locale, "/confirm-email", token))];
    });
  } catch (error) {
    // Two registrations of one address at once: the second reads as an existing account.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return db.$transaction(async (tx) => {
        const existing = await tx.user.findUniqueOrThrow({ where: { email: input.email }, select: accountFields });
        return existingAccountNotice(tx, existing);
      });
    }
    throw error;
  }
}

/** The owner is told someone registered with their address, with a way back in (a reset link). */
async function existingAccountNotice(
  tx: Tx,
  user: { id: string; email: string; name: string; locale: AppLocale; disabled: boolean },
): Promise<LinkMail[]> {
  if (user.disabled || !(await takeQuota(`reset-email:${user.email}`, quotas.resetPerEmail))) return [];
  const token = await issueToken(tx, user.id, "PASSWORD_RESET", user.email);
  return [linkMail(user, "accountExists", linkUrl(user.locale, "/reset-password", token))];
}

/**
 * "Forgot password" (R-ACC-1, R-ACC-4): a reset link if the address has an enabled account and
 * its quota allows; the caller is told the same whatever happened. Only the per-client-address
 * quota is answered, since it says nothing about the account.
 */
export async function requestPasswordReset(email: string, address: string): Promise<LinkMail[]> {
  if (!(await takeQuota(`reset-ip:${address}`, quotas.resetPerAddress))) throw new DomainError("tooManyRequests");
  if (!(await takeQuota(`reset-email:${email}`, quotas.resetPerEmail))) return [];
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: accountFields });
    if (!user || user.disabled) return [];
    const token = await issueToken(tx, user.id, "PASSWORD_RESET", user.email);
    return [linkMail(user, "passwordReset", linkUrl(user.locale, "/reset-password", token))];
  });
}

/**
 * A reset or invitation link sets the password (R-ACC-1): the link is used up, every session
 * of the account ends, and the address counts as verified (the link was read there).
 */
export async function resetPassword(input: TResetPassword): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const link = await consumeTokenOrThrow(tx, input.token, ["PASSWORD_RESET", "INVITATION"]);
    const now = new Date();
    const user = await tx.user.findUniqueOrThrow({
      where: { id: link.userId },
      select: { email: true, emailVerifiedAt: true },
    });
    // A link sent to an address the account has since left proves nothing any more.
    if (link.newEmail !== user.email) throw new DomainError("linkInvalid");
    await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, sessionsValidAfter: now, emailVerifiedAt: user.emailVerifiedAt ?? now },
    });
    await tx.userSession.updateMany({ where: { userId: link.userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, {
      actorId: link.userId,
      action: link.purpose === "INVITATION" ? "user.acceptInvitation" : "user.resetPassword",
      entityType: "User",
      entityId: link.userId,
    });
  });
}

/** Following a verification or change-of-address link (R-ACC-7). */
export async function confirmEmail(token: string): Promise<"verified" | "changed"> {
  try {
    return await db.$transaction(async (tx) => {
      const link = await consumeTokenOrThrow(tx, token, ["EMAIL_VERIFICATION", "EMAIL_CHANGE"]);
      const before = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { email: true } });
      const now = new Date();
      if (link.purpose === "EMAIL_VERIFICATION") {
        if (link.newEmail !== before.email) throw new DomainError("linkInvalid");
        await tx.user.update({ where: { id: link.userId }, data: { emailVerifiedAt: now } });
        await recordAudit(tx, {
          actorId: link.userId,
          action: "user.verifyEmail",
          entityType: "User",
          entityId: link.userId,
        });
        return "verified";
      }
      await tx.user.update({ where: { id: link.userId }, data: { email: link.newEmail!, emailVerifiedAt: now } });
      await recordAudit(tx, {
        actorId: link.userId,
        action: "user.changeEmail",
        entityType: "User",
        entityId: link.userId,
        before: { email: before.email },
        after: { email: link.newEmail },
      });
      return "changed";
    });
  } catch (error) {
    // The new address was taken by another account since the link was sent.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("linkInvalid");
    }
    throw error;
  }
}

/** A new verification link, for a student whose first one expired or got lost. */
export async function resendVerification(viewer: Viewer): Promise<LinkMail[]> {
  if (!(await takeQuota(`verify-user:${viewer.id}`, quotas.resendPerAccount))) throw new DomainError("tooManyRequests");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { ...accountFields, emailVerifiedAt: true },
    });
    if (user.emailVerifiedAt) return [];
    const token = await issueToken(tx, user.id, "EMAIL_VERIFICATION", user.email);
    return [linkMail(user, "verifyEmail", linkUrl(user.locale, "/confirm-email", token))];
  });
}

/** Changing one's password needs the current one; the other sessions end, this one stays. */
export async function changePassword(viewer: Viewer, input: TChangePassword): Promise<void> {
  await checkCurrentPasswordOrThrow(viewer.id, input.currentPassword);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.id }, data: { passwordHash } });
    await tx.userSession.updateMany({
      where: { userId: viewer.id, revokedAt: null, id: { not: viewer.sessionId } },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "user.changePassword",
      entityType: "User",
      entityId: viewer.id,
    });
  });
}

/**
 * A change of address (R-ACC-7): a link to the new address, a notice to the old one; nothing
 * changes until the link is followed. An address that has an account gets no link, and the
 * caller is told the same, so that this form does not reveal who has an account either.
 */
export async function requestEmailChange(viewer: Viewer, input: TChangeEmail): Promise<LinkMail[]> {
  await checkCurrentPasswordOrThrow(viewer.id, input.currentPassword);
  if (input.email === viewer.email) throw new DomainError("emailUnchanged", {}, "email");
  if (viewer.role === "AMU_STUDENT") assertUniversityStudentEmail(input.email);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: accountFields });
    const notice = linkMail(user, "emailChangeNotice", "");
    notice.values.newEmail = input.email;
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken) return [notice];
    const token = await issueToken(tx, user.id, "EMAIL_CHANGE", input.email);
    return [linkMail(user, "emailChange", linkUrl(user.locale, "/confirm-email", token), input.email), notice];
  });
}

async function checkCurrentPasswordOrThrow(userId: string, password: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!ok) throw new DomainError("currentPasswordWrong", {}, "currentPassword");
}
