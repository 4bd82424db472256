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
  type ThrottleState,
  throttleKey,
} from "@/lib/auth/rules";
import { stepAfterPassword } from "@/lib/auth/second-factor/rules";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";

export type SignInOutcome =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Who is signing in from where, kept on the session so that its owner can recognise it. */
export interface SignInClient {
  address: string;
  userAgent?: string | null;
}

/**
 * Checks a password and opens a session. The answer for an unknown e-mail, a wrong password
 * and a disabled account is the same "invalid", after the same argon2 work.
 *
 * Each attempt is counted as a failure, atomically, BEFORE the password is checked (R-SEC-1, R-SEC-2):
 * N attempts sent at once take the throttle rows' locks one after the other, so at most the
 * free failures plus one reach argon2 and the rest answer the lock. A locked key answers the
 * lock whatever the password (no oracle: the right password is never checked while locked).
 * A success then gives back what it reserved.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  client: SignInClient | string,
): Promise<SignInOutcome> {
  const { address, userAgent } = typeof client === "string" ? { address: client, userAgent: null } : client;
  const now = new Date();
  const waitMs = await reserveSignInAttempt(email, address, now);
  if (waitMs > 0) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(waitMs / 1000) };

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      role: true,
      passwordHash: true,
      disabled: true,
      secondFactor: { select: { confirmedAt: true } },
    },
  });
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !passwordOk || user.disabled) return { ok: false, reason: "invalid" };

  // R-MFA-4: the password may be only the first step; such a session opens nothing yet.
  const pendingStep = stepAfterPassword(user.role, Boolean(user.secondFactor?.confirmedAt), env().SECOND_FACTOR);
  const sessionId = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    // R-MFA-5: with a code still to come, the e-mail keeps its failures (a right password
    // must not wipe the wrong codes); only this attempt's reservation is given back.
    await releaseSignInAttempt(tx, email, address, { forgetEmailFailures: pendingStep === null });
    await tx.userSession.create({
      data: {
        id: sessionId,
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + env().SESSION_ABSOLUTE_HOURS * 3_600_000),
        clientAddress: address.slice(0, 64),
        userAgent: userAgent ? userAgent.slice(0, 512) : null,
        pendingStep,
      },
    });
    if (!pendingStep) {
      await recordAudit(tx, { actorId: user.id, action: "session.open", entityType: "User", entityId: user.id });
    }
  });
  return { ok: true, userId: user.id, sessionId };
}

/**
 * R-SEC-1, R-SEC-2: counts one attempt against the e-mail and the address, atomically, before
 * any secret is checked; answers how long the caller must still wait (0: go on). Used for
 * passwords and for second-factor codes alike (R-MFA-5: one lock for both).
 */
export async function reserveSignInAttempt(email: string, address: string, now: Date): Promise<number> {
  const emailKey = throttleKey("email", email);
  const addressKey = throttleKey("ip", address);
  return db.$transaction(async (tx) => {
    // Always the e-mail's row first, then the address's: one lock order, no deadlock.
    const emailState = await lockThrottleRow(tx, emailKey, now);
    const addressState = await lockThrottleRow(tx, addressKey, now);
    const wait = Math.max(remainingLockMs(emailState, now), remainingLockMs(addressState, now));
    if (wait > 0) return wait;
    await countFailure(tx, emailKey, emailState, emailThrottle, now);
    await countFailure(tx, addressKey, addressState, addressThrottle, now);
    return 0;
  });
}

/**
 * Gives back a successful attempt's reservation. The address keeps its other failures; the
 * e-mail's are forgotten once the whole sign-in has succeeded.
 */
export async function releaseSignInAttempt(
  tx: Tx,
  email: string,
  address: string,
  { forgetEmailFailures }: { forgetEmailFailures: boolean },
): Promise<void> {
  const emailKey = throttleKey("email", email);
  const addressKey = throttleKey("ip", address);
  if (forgetEmailFailures) await tx.signInThrottle.deleteMany({ where: { key: emailKey } });
  else {
    await tx.$executeRaw`UPDATE "SignInThrottle" SET failures = GREATEST(failures - 1, 0) WHERE key = ${emailKey}`;
  }
  await tx.$executeRaw`UPDATE "SignInThrottle" SET failures = GREATEST(failures - 1, 0) WHERE key = ${addressKey}`;
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
 * Row-locked read-modify-write, so that parallel attempts are counted one after the other.
 * INSERT … ON CONFLICT DO NOTHING first makes the row exist to be locked; a sign-in completing
 * meanwhile may delete it (the e-mail's failures are forgotten) between the two statements, so
 * the row is made again until it is held.
 */
async function lockThrottleRow(tx: Tx, key: string, now: Date): Promise<ThrottleState | null> {
  // A handful of tries: each lost race means a sign-in completed, which is rare and short.
  for (let attempt = 0; attempt < 5; attempt++) {
    await tx.$executeRaw`INSERT INTO "SignInThrottle" (key, failures, "firstFailureAt") VALUES (${key}, 0, ${now}) ON CONFLICT (key) DO NOTHING`;
    const [current] = await tx.$queryRaw<ThrottleState[]>`
      SELECT failures, "firstFailureAt", "lockedUntil" FROM "SignInThrottle" WHERE key = ${key} FOR UPDATE`;
    if (current) return current.failures > 0 ? current : null;
  }
  throw new Error(`The sign-in throttle row ${key} kept disappearing`);
}

async function countFailure(tx: Tx, key: string, state: ThrottleState | null, policy: ThrottlePolicy, now: Date) {
  await tx.signInThrottle.update({ where: { key }, data: afterFailure(state, now, policy) });
}
