import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import {
  addressThrottle,
  afterFailure,
  emailThrottle,
  remainingLockMs,
  type ThrottlePolicy,
  throttleKey,
} from "@/lib/auth/rules";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";

export type SignInOutcome =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a password and opens a session. The answer for an unknown e-mail, a wrong password
 * and a disabled account is the same "invalid", after the same argon2 work; repeated failures
 * are slowed per e-mail and per client address, whether the e-mail exists or not.
 */
export async function signInWithPassword(email: string, password: string, address: string): Promise<SignInOutcome> {
  const now = new Date();
  const keys = [throttleKey("email", email), throttleKey("ip", address)];
  const states = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  const waitMs = Math.max(0, ...states.map((state) => remainingLockMs(state, now)));
  if (waitMs > 0) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(waitMs / 1000) };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabled: true },
  });
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !passwordOk || user.disabled) {
    await db.$transaction(async (tx) => {
      await recordFailure(tx, keys[0]!, emailThrottle, now);
      await recordFailure(tx, keys[1]!, addressThrottle, now);
    });
    return { ok: false, reason: "invalid" };
  }

  const sessionId = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { key: keys[0] } });
    await tx.userSession.create({
      data: {
        id: sessionId,
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + env().SESSION_ABSOLUTE_HOURS * 3_600_000),
      },
    });
    await recordAudit(tx, { actorId: user.id, action: "session.open", entityType: "User", entityId: user.id });
  });
  return { ok: true, userId: user.id, sessionId };
}

/** Signing out revokes the session itself, so a copied cookie opens nothing afterwards. */
export async function revokeSession(sessionId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({
      where: { id: sessionId },
      select: { userId: true, revokedAt: true },
    });
    if (!session || session.revokedAt) return;
    await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actorId: session.userId,
      action: "session.close",
      entityType: "User",
      entityId: session.userId,
    });
  });
}

/**
 * Row-locked read-modify-write, so that parallel failures all count.
 * INSERT … ON CONFLICT DO NOTHING first makes the row exist to be locked.
 */
async function recordFailure(tx: Tx, key: string, policy: ThrottlePolicy, now: Date): Promise<void> {
  await tx.$executeRaw`INSERT INTO "SignInThrottle" (key, failures, "firstFailureAt") VALUES (${key}, 0, ${now}) ON CONFLICT (key) DO NOTHING`;
  const [current] = await tx.$queryRaw<{ failures: number; firstFailureAt: Date; lockedUntil: Date | null }[]>`
    SELECT failures, "firstFailureAt", "lockedUntil" FROM "SignInThrottle" WHERE key = ${key} FOR UPDATE`;
  const previous = current && current.failures > 0 ? current : null;
  const next = afterFailure(previous, now, policy);
  await tx.signInThrottle.update({ where: { key }, data: next });
}
