import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { unusablePasswordHash } from "@/lib/auth/password";
import type { SignInClient } from "@/lib/auth/service";
import { decideSsoSignIn, type SsoIdentity } from "@/lib/auth/sso/rules";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

export type SsoOutcome =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "unknown" | "unverified" | "student" | "disabled" | "otherIdentity" };

const accountSeen = { id: true, role: true, disabled: true, ssoSubject: true } as const;

/**
 * R-SSO-2…4: after the identity provider's answer was validated (state, PKCE, nonce, signature,
 * audience: next-auth), decides what the identity opens, links or creates the account when the
 * rules say so, and opens a session, all in one transaction with its audit events. A refusal
 * creates nothing but its audit event.
 */
export async function openSsoSession(identity: SsoIdentity, client: SignInClient): Promise<SsoOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const linked = await tx.user.findUnique({ where: { ssoSubject: identity.subject }, select: accountSeen });
      const byEmail = identity.email
        ? await tx.user.findUnique({ where: { email: identity.email }, select: accountSeen })
        : null;
      const decision = decideSsoSignIn(identity, linked, byEmail);
      if (decision.kind === "refuse") {
        await recordAudit(tx, {
          actorId: null,
          action: "sso.refused",
          entityType: "SingleSignOn",
          entityId: identity.subject.slice(0, 200),
          after: { reason: decision.reason, email: identity.email },
        });
        return { ok: false, reason: decision.reason };
      }
      let userId: string;
      if (decision.kind === "create") {
        const created = await tx.user.create({
          data: {
            email: identity.email!,
            name: identity.name ?? identity.email!,
            role: decision.role,
            passwordHash: await unusablePasswordHash(),
            ssoSubject: identity.subject,
            emailVerifiedAt: new Date(),
          },
          select: { id: true, email: true, name: true, role: true },
        });
        userId = created.id;
        const { id: _id, ...after } = created;
        await recordAudit(tx, {
          actorId: userId,
          action: "sso.createAccount",
          entityType: "User",
          entityId: userId,
          after,
        });
      } else {
        userId = decision.userId;
      }
      if (decision.kind === "link") {
        await tx.user.update({
          where: { id: userId },
          // The provider vouched for the address: it counts as confirmed (R-ACC-7).
          data: { ssoSubject: identity.subject, emailVerifiedAt: new Date() },
        });
        await recordAudit(tx, { actorId: userId, action: "sso.link", entityType: "User", entityId: userId });
      }
      const now = new Date();
      const sessionId = randomBytes(32).toString("base64url");
      await tx.userSession.create({
        data: {
          id: sessionId,
          userId,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + env().SESSION_ABSOLUTE_HOURS * 3_600_000),
          clientAddress: client.address.slice(0, 64),
          userAgent: client.userAgent ? client.userAgent.slice(0, 512) : null,
          method: "SSO",
        },
      });
      await recordAudit(tx, { actorId: userId, action: "session.open", entityType: "User", entityId: userId });
      return { ok: true, userId, sessionId };
    });
  } catch (error) {
    // Two first sign-ins at once: the second finds the account linked when it tries again.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return openSsoSession(identity, client);
    }
    throw error;
  }
}

/** R-SSO-4: a refusal decided by next-auth (tampered state, expired code, wrong audience…). */
export async function recordSsoFailure(error: string, client: SignInClient): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: null,
      action: "sso.refused",
      entityType: "SingleSignOn",
      entityId: "callback",
      after: { reason: "invalidResponse", error: error.slice(0, 100), address: client.address.slice(0, 64) },
    }),
  );
}
