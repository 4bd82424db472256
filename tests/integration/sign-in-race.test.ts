import { describe, expect, it } from "vitest";
import { emailThrottle } from "@/lib/auth/rules";
import { signInWithPassword } from "@/lib/auth/service";
import { db } from "@/lib/db";
import { createStudentWithPassword } from "./fixtures";
import { strongPassword, uniqueAddress, uniqueEmail } from "./helpers";

async function student(prefix: string) {
  const email = uniqueEmail(prefix);
  await createStudentWithPassword(email, strongPassword, "Race Student");
  return email;
}

describe("R-SEC-1: a burst of sign-ins cannot outrun the per-e-mail lock", () => {
  it("15 attempts at once (14 wrong, then the right one): at most the free failures plus one check a password, the right one does not get in", async () => {
    const email = await student("burst");
    const wrong = Array.from({ length: 14 }, () => signInWithPassword(email, "wrong password here", uniqueAddress()));
    const right = signInWithPassword(email, strongPassword, uniqueAddress());
    const outcomes = await Promise.all([...wrong, right]);

    // "invalid" is only ever answered after a password check; "throttled" never checks one.
    const checked = outcomes.filter((outcome) => !outcome.ok && outcome.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(emailThrottle.freeFailures + 1);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "throttled").length).toBeGreaterThanOrEqual(
      15 - (emailThrottle.freeFailures + 1),
    );
    expect(outcomes.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a right password among the free attempts signs in, and gives back what it reserved on the address", async () => {
    const email = await student("fair");
    const address = uniqueAddress();
    expect(await signInWithPassword(email, "wrong password here", address)).toMatchObject({ reason: "invalid" });
    expect(await signInWithPassword(email, strongPassword, address)).toMatchObject({ ok: true });
    expect(await db.signInThrottle.findUnique({ where: { key: `email:${email}` } })).toBeNull();
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `ip:${address}` } });
    expect(row.failures).toBe(1);
  });
});

describe("R-SEC-2: a locked account does not tell a right password from a wrong one", () => {
  it("once locked, the right and a wrong password get the same 'throttled' answer, and no session opens", async () => {
    const email = await student("oracle");
    for (let i = 0; i <= emailThrottle.freeFailures; i++) {
      await signInWithPassword(email, "wrong password here", uniqueAddress());
    }
    const wrong = await signInWithPassword(email, "another wrong one", uniqueAddress());
    const right = await signInWithPassword(email, strongPassword, uniqueAddress());
    expect(wrong).toMatchObject({ ok: false, reason: "throttled" });
    expect(right).toMatchObject({ ok: false, reason: "throttled" });
    expect(Object.keys(right).sort()).toEqual(Object.keys(wrong).sort());
    // Attempts answered by the lock are not counted: the lock does not grow while it holds.
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `email:${email}` } });
    expect(row.failures).toBe(emailThrottle.freeFailures + 1);
  });
});

describe("R-SEC-8: a session remembers the browser and the address it was opened from", () => {
  it("stores the user agent and the client address at sign-in", async () => {
    const email = await student("device");
    const address = uniqueAddress();
    const outcome = await signInWithPassword(email, strongPassword, {
      address,
      userAgent: "Mozilla/5.0 Firefox/133.0",
    });
    if (!outcome.ok) throw new Error("sign-in failed");
    const session = await db.userSession.findUniqueOrThrow({ where: { id: outcome.sessionId } });
    expect(session).toMatchObject({ clientAddress: address, userAgent: "Mozilla/5.0 Firefox/133.0" });
  });
});
