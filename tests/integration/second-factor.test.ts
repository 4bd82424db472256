/**
 * The second factor against a real PostgreSQL (R-MFA-1…6): enrolment, the sign-in's second
 * step, replay and recovery codes, the shared lock, the administrator's reset.
 */
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { enrolmentOf } from "@/lib/auth/second-factor/queries";
import { base32Decode, timeStep, totpCode } from "@/lib/auth/second-factor/rules";
import {
  completeSignInWithCode,
  confirmEnrolment,
  disableSecondFactor,
  resetSecondFactor,
  startEnrolment,
} from "@/lib/auth/second-factor/service";
import { signInWithPassword } from "@/lib/auth/service";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { strongPassword, uniqueAddress, uniqueEmail } from "./helpers";

async function createAccount(role: Role) {
  return db.user.create({
    data: {
      email: uniqueEmail(`mfa-${role.toLowerCase()}`),
      name: `MFA ${role}`,
      passwordHash: await hashPassword(strongPassword),
      role,
      emailVerifiedAt: new Date(),
    },
    select: { id: true, email: true, role: true },
  });
}

async function pendingStepOf(sessionId: string) {
  return (await db.userSession.findUniqueOrThrow({ where: { id: sessionId }, select: { pendingStep: true } }))
    .pendingStep;
}

async function passwordSignIn(email: string, address = uniqueAddress()) {
  const outcome = await signInWithPassword(email, strongPassword, address);
  if (!outcome.ok) throw new Error(`sign-in refused: ${outcome.reason}`);
  return outcome.sessionId;
}

/** A correspondent who went through enrolment; answers the secret and the recovery codes. */
async function enrolledCorrespondent() {
  const user = await createAccount("CORRESPONDENT");
  const sessionId = await passwordSignIn(user.email);
  await startEnrolment(user);
  const enrolment = await enrolmentOf(user);
  const secret = base32Decode(enrolment!.secret);
  const recoveryCodes = await confirmEnrolment(user, totpCode(secret, timeStep(new Date())), sessionId);
  return { user, secret, recoveryCodes, enrolSessionId: sessionId };
}

const codeAt = (secret: Uint8Array, offsetSteps: number) => totpCode(secret, timeStep(new Date()) + offsetSteps);

describe("R-MFA-4: what a right password opens", () => {
  it("a correspondent without a second factor must enrol first (the default mode is required)", async () => {
    const user = await createAccount("CORRESPONDENT");
    const sessionId = await passwordSignIn(user.email);
    expect(await pendingStepOf(sessionId)).toBe("ENROLMENT");
    const opened = await db.auditEvent.count({ where: { entityId: user.id, action: "session.open" } });
    expect(opened).toBe(0);
  });

  it("a student without one is signed in; an enrolled person is asked for a code", async () => {
    const student = await createAccount("STUDENT");
    expect(await pendingStepOf(await passwordSignIn(student.email))).toBeNull();
    const { user } = await enrolledCorrespondent();
    expect(await pendingStepOf(await passwordSignIn(user.email))).toBe("SECOND_FACTOR");
  });
});

describe("enrolment", () => {
  it("the first code confirms it, opens the waiting sign-in, and gives ten recovery codes stored hashed", async () => {
    const { user, recoveryCodes, enrolSessionId } = await enrolledCorrespondent();
    expect(recoveryCodes).toHaveLength(10);
    expect(await pendingStepOf(enrolSessionId)).toBeNull();
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    for (const { codeHash } of stored) expect(codeHash).toMatch(/^\$argon2id\$/);
    const factor = await db.secondFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor.secretSealed).toMatch(/^v1\./);
    const actions = (await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(["secondFactor.enrol", "session.open"]);
  });

  it("a wrong first code confirms nothing and changes nothing", async () => {
    const user = await createAccount("ADMIN");
    await startEnrolment(user);
    const secret = base32Decode((await enrolmentOf(user))!.secret);
    await expect(confirmEnrolment(user, codeAt(secret, 3), null)).rejects.toMatchObject({
      code: "secondFactorCodeWrong",
    });
    const factor = await db.secondFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor.confirmedAt).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the sign-in's second step", () => {
  it("R-MFA-2: the enrolment's code cannot be used again; the next step's code opens the session once", async () => {
    const { user, secret } = await enrolledCorrespondent();
    const address = uniqueAddress();
    const sessionId = await passwordSignIn(user.email, address);
    const pending = { sessionId, userId: user.id, email: user.email };
    expect(await completeSignInWithCode(pending, codeAt(secret, 0), { address })).toEqual({
      ok: false,
      reason: "replayed",
    });
    expect(await completeSignInWithCode(pending, codeAt(secret, 1), { address })).toEqual({
      ok: true,
      usedRecoveryCode: false,
    });
    expect(await pendingStepOf(sessionId)).toBeNull();
    // The same code in another sign-in: refused.
    const again = await passwordSignIn(user.email, address);
    const replay = await completeSignInWithCode({ ...pending, sessionId: again }, codeAt(secret, 1), { address });
    expect(replay).toEqual({ ok: false, reason: "replayed" });
    expect(await pendingStepOf(again)).toBe("SECOND_FACTOR");
    const refused = await db.auditEvent.findMany({ where: { entityId: user.id, action: "secondFactor.refused" } });
    expect(refused.map((event) => event.after)).toEqual([{ reason: "replayed" }, { reason: "replayed" }]);
  });

  it("R-MFA-2: the same code sent twice at once passes once", async () => {
    const { user, secret } = await enrolledCorrespondent();
    const [first, second] = [await passwordSignIn(user.email), await passwordSignIn(user.email)];
    const code = codeAt(secret, 1);
    const outcomes = await Promise.all(
      [first, second].map((sessionId) =>
        completeSignInWithCode({ sessionId, userId: user.id, email: user.email }, code, { address: uniqueAddress() }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
  });

  it("R-MFA-3: a recovery code works once, typed in capitals or without its dash", async () => {
    const { user, recoveryCodes } = await enrolledCorrespondent();
    const code = recoveryCodes[3]!;
    const first = await passwordSignIn(user.email);
    const pending = { sessionId: first, userId: user.id, email: user.email };
    expect(await completeSignInWithCode(pending, code.toUpperCase().replace("-", ""), { address: "a" })).toEqual({
      ok: true,
      usedRecoveryCode: true,
    });
    const second = await passwordSignIn(user.email);
    expect(await completeSignInWithCode({ ...pending, sessionId: second }, code, { address: "a" })).toEqual({
      ok: false,
      reason: "recoveryUsed",
    });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it("R-MFA-5: wrong codes count toward the password's lock, which a right password does not lift", async () => {
    const { user, secret } = await enrolledCorrespondent();
    const address = uniqueAddress();
    const sessionId = await passwordSignIn(user.email, address);
    const pending = { sessionId, userId: user.id, email: user.email };
    const wrong = String((Number(codeAt(secret, 1)) + 500_000) % 1_000_000).padStart(6, "0");
    for (let attempt = 0; attempt < 6; attempt++) await completeSignInWithCode(pending, wrong, { address });
    expect(await completeSignInWithCode(pending, codeAt(secret, 1), { address })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await signInWithPassword(user.email, strongPassword, address)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await pendingStepOf(sessionId)).toBe("SECOND_FACTOR");
  });
});

describe("switching off and resetting", () => {
  it("R-MFA-4: a correspondent may not switch it off in the required mode; a student may", async () => {
    const { user } = await enrolledCorrespondent();
    await expect(disableSecondFactor(user)).rejects.toMatchObject({ code: "secondFactorRequired" });
    const student = await createAccount("STUDENT");
    await startEnrolment(student);
    const secret = base32Decode((await enrolmentOf(student))!.secret);
    await confirmEnrolment(student, codeAt(secret, 0), null);
    await disableSecondFactor(student);
    expect(await db.secondFactor.count({ where: { userId: student.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: student.id } })).toBe(0);
  });

  it("R-MFA-6: an administrator's reset removes it, ends the sessions and is audited", async () => {
    const { user } = await enrolledCorrespondent();
    const admin = await createAccount("ADMIN");
    const before = new Date();
    const person = await resetSecondFactor(user.id, { id: admin.id, requestId: "req-1" });
    expect(person.email).toBe(user.email);
    expect(await db.secondFactor.count({ where: { userId: user.id } })).toBe(0);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionsValidAfter: true } });
    expect(row.sessionsValidAfter.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "secondFactor.reset" } });
    expect(event).toMatchObject({ actorId: admin.id, requestId: "req-1" });
    // The next sign-in asks for a new enrolment.
    expect(await pendingStepOf(await passwordSignIn(user.email))).toBe("ENROLMENT");
    await expect(resetSecondFactor(user.id, { id: admin.id })).rejects.toMatchObject({
      code: "secondFactorNotEnrolled",
    });
  });
});
