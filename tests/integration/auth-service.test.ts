import { describe, expect, it } from "vitest";
import { ZRegister } from "@/lib/accounts/schemas";
import { registerStudent as registerAccount } from "@/lib/accounts/service";
import { ZSignIn } from "@/lib/auth/schemas";
import { revokeSession, signInWithPassword } from "@/lib/auth/service";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/routing";
import { strongPassword, uniqueAddress, uniqueEmail } from "./helpers";

/** Registers through the service (lib/accounts) and returns the account it made. */
async function registerStudent(input: ReturnType<typeof registration>, locale: AppLocale) {
  await registerAccount(input, locale, uniqueAddress());
  return db.user.findUniqueOrThrow({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true },
  });
}

function registration(email: string) {
  return ZRegister.parse({
    name: "Test Student",
    email,
    password: strongPassword,
    passwordConfirmation: strongPassword,
  });
}

describe("registration", () => {
  it("creates a student with an argon2id hash and one audit event", async () => {
    const email = uniqueEmail("register");
    const user = await registerStudent(registration(email), "fr");
    expect(user).toMatchObject({ email, role: "STUDENT" });
    const stored = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, locale: true },
    });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.locale).toBe("fr");
    const events = await db.auditEvent.findMany({ where: { entityType: "User", entityId: user.id } });
    expect(events.map((event) => event.action)).toEqual(["user.register"]);
    expect(JSON.stringify(events[0]!.after)).not.toContain(strongPassword);
  });

  it("never selects the password hash unless asked for", async () => {
    const user = await registerStudent(registration(uniqueEmail("omit")), "en");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty("passwordHash");
  });

  it("R-ACC-6: a duplicate e-mail (whatever its case) makes no second account and no audit event", async () => {
    const email = uniqueEmail("dup");
    await registerStudent(registration(email), "en");
    const auditBefore = await db.auditEvent.count();
    await registerAccount(registration(email.toUpperCase()), "en", uniqueAddress());
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });
});

describe("sign-in", () => {
  it("opens a session for the right password", async () => {
    const email = uniqueEmail("signin");
    const user = await registerStudent(registration(email), "en");
    const outcome = await signInWithPassword(email, strongPassword, uniqueAddress());
    expect(outcome).toMatchObject({ ok: true, userId: user.id });
    const session = await db.userSession.findUniqueOrThrow({ where: { id: outcome.ok ? outcome.sessionId : "" } });
    expect(session.revokedAt).toBeNull();
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("answers the same 'invalid' for a wrong password, an unknown e-mail and a disabled account", async () => {
    const email = uniqueEmail("disabled");
    const user = await registerStudent(registration(email), "en");
    const address = uniqueAddress();
    expect(await signInWithPassword(email, "wrong password here", address)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(uniqueEmail("nobody"), strongPassword, address)).toEqual({
      ok: false,
      reason: "invalid",
    });
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await signInWithPassword(email, strongPassword, address)).toEqual({ ok: false, reason: "invalid" });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a 1,000-character password costs what a short one does (argon2 hashes a fixed-size digest of it), and is refused the same way", async () => {
    const email = uniqueEmail("long");
    await registerStudent(registration(email), "en");
    const time = async (password: string) => {
      const started = performance.now();
      expect(await signInWithPassword(email, password, uniqueAddress())).toEqual({ ok: false, reason: "invalid" });
      return performance.now() - started;
    };
    await time("short wrong password");
    const short = Math.min(await time("short wrong password"), await time("another wrong one"));
    const long = Math.min(await time("x".repeat(1_000)), await time("y".repeat(1_000)));
    expect(long).toBeLessThan(short * 3 + 50);
    // The action refuses longer ones before any hashing (ZSignIn: at most 1,024 characters).
    expect(ZSignIn.safeParse({ email, password: "z".repeat(10_000) }).success).toBe(false);
  });

  it("slows down an e-mail after 5 failures, even with the right password, whether the e-mail exists or not", async () => {
    for (const email of [uniqueEmail("throttled"), uniqueEmail("ghost")]) {
      if (email.startsWith("throttled")) await registerStudent(registration(email), "en");
      for (let i = 0; i < 5; i++) {
        expect(await signInWithPassword(email, "wrong password here", uniqueAddress())).toMatchObject({
          reason: "invalid",
        });
      }
      expect(await signInWithPassword(email, "wrong password here", uniqueAddress())).toMatchObject({
        reason: "invalid",
      });
      const locked = await signInWithPassword(email, strongPassword, uniqueAddress());
      expect(locked).toMatchObject({ ok: false, reason: "throttled" });
      expect(locked.ok ? 0 : "retryAfterSeconds" in locked ? locked.retryAfterSeconds : 0).toBeGreaterThan(0);
    }
  });

  it("slows down an address after 20 failures across e-mails", async () => {
    const address = uniqueAddress();
    for (let i = 0; i < 21; i++) await signInWithPassword(uniqueEmail("spray"), "wrong password here", address);
    expect(await signInWithPassword(uniqueEmail("spray"), "wrong password here", address)).toMatchObject({
      reason: "throttled",
    });
  });

  it("counts parallel failures without losing any", async () => {
    const email = uniqueEmail("parallel");
    await Promise.all(
      Array.from({ length: 5 }, () => signInWithPassword(email, "wrong password here", uniqueAddress())),
    );
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `email:${email}` } });
    expect(row.failures).toBe(5);
  });

  it("revoking a session marks it revoked, once", async () => {
    const email = uniqueEmail("signout");
    await registerStudent(registration(email), "en");
    const outcome = await signInWithPassword(email, strongPassword, uniqueAddress());
    if (!outcome.ok) throw new Error("sign-in failed");
    await revokeSession(outcome.sessionId);
    await revokeSession(outcome.sessionId);
    const session = await db.userSession.findUniqueOrThrow({ where: { id: outcome.sessionId } });
    expect(session.revokedAt).not.toBeNull();
    const closes = await db.auditEvent.count({ where: { entityId: outcome.userId, action: "session.close" } });
    expect(closes).toBe(1);
  });
});
