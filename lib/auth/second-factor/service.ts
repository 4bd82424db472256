import "server-only";
import { recordAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  isRecoveryCodeShape,
  isTotpShape,
  matchTotp,
  mayDisableSecondFactor,
  newRecoveryCodes,
  newTotpSecret,
  normaliseCode,
} from "@/lib/auth/second-factor/rules";
import { openSecret, sealSecret } from "@/lib/auth/second-factor/seal";
import { releaseSignInAttempt, reserveSignInAttempt, type SignInClient } from "@/lib/auth/service";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";

export type CodeOutcome =
  | { ok: true; usedRecoveryCode: boolean }
  | { ok: false; reason: "wrong" | "replayed" | "recoveryUsed" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

type Person = { id: string; role: Role };
type Actor = { id: string; requestId?: string };

/**
 * The sign-in's second step: a TOTP code or a recovery code for a session whose password was
 * right. R-MFA-5: counted against the same throttle as passwords before it is checked. A
 * refusal writes an audit event; success opens the session (its pending step is cleared).
 */
export async function completeSignInWithCode(
  pending: { sessionId: string; userId: string; email: string },
  typed: string,
  client: SignInClient,
): Promise<CodeOutcome> {
  const now = new Date();
  const waitMs = await reserveSignInAttempt(pending.email, client.address, now);
  if (waitMs > 0) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(waitMs / 1000) };

  const code = normaliseCode(typed);
  const outcome = await db.$transaction(async (tx): Promise<CodeOutcome> => {
    const checked = await checkCode(tx, pending.userId, code, now);
    if (!checked.ok) return checked;
    // Guarded on the pending step: two tabs sending a right code open the session once.
    const opened = await tx.userSession.updateMany({
      where: { id: pending.sessionId, pendingStep: "SECOND_FACTOR", revokedAt: null },
      data: { pendingStep: null, lastSeenAt: now },
    });
    if (opened.count === 0) return { ok: false, reason: "replayed" };
    await releaseSignInAttempt(tx, pending.email, client.address, { forgetEmailFailures: true });
    if (checked.usedRecoveryCode) {
      await recordAudit(tx, {
        actorId: pending.userId,
        action: "secondFactor.recoveryCodeUsed",
        entityType: "User",
        entityId: pending.userId,
      });
    }
    await recordAudit(tx, {
      actorId: pending.userId,
      action: "session.open",
      entityType: "User",
      entityId: pending.userId,
    });
    return checked;
  });
  if (!outcome.ok) {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: pending.userId,
        action: "secondFactor.refused",
        entityType: "User",
        entityId: pending.userId,
        after: { reason: outcome.reason },
      }),
    );
  }
  return outcome;
}

/**
 * R-MFA-2: the accepted step is written with a guard on the previous one, so two requests
 * carrying the same code cannot both pass. R-MFA-3: a recovery code is spent the same way.
 */
async function checkCode(tx: Tx, userId: string, code: string, now: Date): Promise<CodeOutcome> {
  const factor = await tx.secondFactor.findUnique({
    where: { userId },
    select: { secretSealed: true, confirmedAt: true, lastUsedStep: true },
  });
  if (!factor?.confirmedAt) return { ok: false, reason: "wrong" };
  if (isTotpShape(code)) {
    const match = matchTotp(openSecret(factor.secretSealed), code, now, factor.lastUsedStep);
    if (!match.ok) return match;
    const advanced = await tx.secondFactor.updateMany({
      where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: match.step } }] },
      data: { lastUsedStep: match.step },
    });
    return advanced.count === 1 ? { ok: true, usedRecoveryCode: false } : { ok: false, reason: "replayed" };
  }
  if (!isRecoveryCodeShape(code)) return { ok: false, reason: "wrong" };
  const codes = await tx.recoveryCode.findMany({
    where: { userId },
    select: { id: true, codeHash: true, usedAt: true },
  });
  for (const candidate of codes) {
    if (!(await verifyPassword(candidate.codeHash, code))) continue;
    if (candidate.usedAt) return { ok: false, reason: "recoveryUsed" };
    const spent = await tx.recoveryCode.updateMany({
      where: { id: candidate.id, usedAt: null },
      data: { usedAt: now },
    });
    return spent.count === 1 ? { ok: true, usedRecoveryCode: true } : { ok: false, reason: "recoveryUsed" };
  }
  return { ok: false, reason: "wrong" };
}

/**
 * Enrolment, step one: a fresh secret, kept unconfirmed until a first code proves the
 * authenticator holds it. Starting again replaces an unconfirmed secret, never a confirmed one.
 */
export async function startEnrolment(person: Person): Promise<void> {
  const secretSealed = sealSecret(newTotpSecret());
  await db.$transaction(async (tx) => {
    const existing = await tx.secondFactor.findUnique({ where: { userId: person.id }, select: { confirmedAt: true } });
    if (existing?.confirmedAt) throw new DomainError("secondFactorAlreadyEnrolled");
    await tx.secondFactor.upsert({
      where: { userId: person.id },
      create: { userId: person.id, secretSealed },
      update: { secretSealed, createdAt: new Date(), lastUsedStep: null },
    });
  });
}

/**
 * Enrolment, step two: the first code confirms the secret (and is spent, R-MFA-2); ten
 * recovery codes are made and answered once, only their hashes kept (R-MFA-3). A sign-in
 * waiting for this enrolment is opened.
 */
export async function confirmEnrolment(
  person: Person,
  typed: string,
  pendingSessionId: string | null,
  requestId?: string,
): Promise<string[]> {
  const code = normaliseCode(typed);
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map((recoveryCode) => hashPassword(normaliseCode(recoveryCode))));
  const now = new Date();
  await db.$transaction(async (tx) => {
    const factor = await tx.secondFactor.findUnique({
      where: { userId: person.id },
      select: { secretSealed: true, confirmedAt: true },
    });
    if (!factor) throw new DomainError("secondFactorEnrolmentExpired");
    if (factor.confirmedAt) throw new DomainError("secondFactorAlreadyEnrolled");
    const match = isTotpShape(code) ? matchTotp(openSecret(factor.secretSealed), code, now, null) : null;
    if (!match?.ok) throw new DomainError("secondFactorCodeWrong", {}, "code");
    const confirmed = await tx.secondFactor.updateMany({
      where: { userId: person.id, confirmedAt: null },
      data: { confirmedAt: now, lastUsedStep: match.step },
    });
    if (confirmed.count === 0) throw new DomainError("secondFactorAlreadyEnrolled");
    await tx.recoveryCode.deleteMany({ where: { userId: person.id } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: person.id, codeHash })) });
    await recordAudit(tx, {
      actorId: person.id,
      action: "secondFactor.enrol",
      entityType: "User",
      entityId: person.id,
      requestId,
    });
    if (pendingSessionId) {
      const opened = await tx.userSession.updateMany({
        where: { id: pendingSessionId, userId: person.id, pendingStep: "ENROLMENT", revokedAt: null },
        data: { pendingStep: null, lastSeenAt: now },
      });
      if (opened.count === 1) {
        await recordAudit(tx, { actorId: person.id, action: "session.open", entityType: "User", entityId: person.id });
      }
    }
  });
  return recoveryCodes;
}

/** R-MFA-4: students (or anyone, when the second factor is optional) may switch it off. */
export async function disableSecondFactor(person: Person, requestId?: string): Promise<void> {
  if (!mayDisableSecondFactor(person.role, env().SECOND_FACTOR)) throw new DomainError("secondFactorRequired");
  await db.$transaction(async (tx) => {
    const removed = await tx.secondFactor.deleteMany({ where: { userId: person.id } });
    if (removed.count === 0) return;
    await recordAudit(tx, {
      actorId: person.id,
      action: "secondFactor.disable",
      entityType: "User",
      entityId: person.id,
      requestId,
    });
  });
}

/**
 * R-MFA-6: an administrator removes someone's second factor (a lost phone). The person's
 * sessions end, so whoever holds one signs in again and enrols anew. Answers whom to e-mail.
 */
export async function resetSecondFactor(userId: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    if (userId === actor.id) throw new DomainError("forbidden");
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, locale: true, secondFactor: { select: { userId: true } } },
    });
    if (!user?.secondFactor) throw new DomainError("secondFactorNotEnrolled");
    await tx.secondFactor.delete({ where: { userId } });
    await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: new Date() } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "secondFactor.reset",
      entityType: "User",
      entityId: userId,
      requestId: actor.requestId,
    });
    return { email: user.email, name: user.name, locale: user.locale };
  });
}
