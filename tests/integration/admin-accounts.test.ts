/**
 * Staff accounts managed by admins, against a real PostgreSQL: invitations (no administrator
 * types a password, R-ACC-8), disabling that ends sessions at once, role changes, and the guards that keep
 * an admin from locking themselves (and the portal) out.
 */
import { describe, expect, it } from "vitest";
import { ZResetPassword } from "@/lib/accounts/schemas";
import { resetPassword } from "@/lib/accounts/service";
import { isSessionValid } from "@/lib/auth/rules";
import { signInWithPassword } from "@/lib/auth/service";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { ZChangeRole, ZCreateStaffAccount, ZSetAccountDisabled } from "@/lib/users/schemas";
import { changeRole, createStaffAccount, setAccountDisabled } from "@/lib/users/service";
import { strongPassword, uniqueAddress, uniqueEmail } from "./helpers";

async function newUser(role: Role, disabled = false) {
  const user = await db.user.create({
    data: { email: uniqueEmail(role.toLowerCase()), name: `Test ${role}`, passwordHash: "-", role, disabled },
    select: { id: true, email: true },
  });
  return { ...user, requestId: "test-request" };
}

const eventsOf = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });

function staffAccount(email: string, role = "CORRESPONDENT") {
  return ZCreateStaffAccount.parse({
    name: "Léa Roux",
    email,
    role,
    locale: "fr",
  });
}

/** The invited person follows the mailed link and chooses `strongPassword`. */
async function acceptInvitation(account: { invitation: { values: Record<string, string> } }) {
  const token = new URL(account.invitation.values.link!).searchParams.get("token");
  await resetPassword(ZResetPassword.parse({ token, password: strongPassword, passwordConfirmation: strongPassword }));
}

describe("creating a staff account", () => {
  it("invites a correspondent who signs in once they chose a password, with one audit event that holds no secret", async () => {
    const admin = await newUser("ADMIN");
    const email = uniqueEmail("new-ri");
    const account = await createStaffAccount(staffAccount(email.toUpperCase()), admin);
    expect(ZCreateStaffAccount.safeParse({ ...staffAccount(email), password: strongPassword }).success).toBe(false);
    expect(await signInWithPassword(email, strongPassword, uniqueAddress())).toMatchObject({ ok: false });
    await acceptInvitation(account);
    const row = await db.user.findUniqueOrThrow({
      where: { id: account.id },
      select: { email: true, role: true, locale: true, disabled: true, passwordHash: true },
    });
    expect(row).toMatchObject({ email, role: "CORRESPONDENT", locale: "fr", disabled: false });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signInWithPassword(email, strongPassword, uniqueAddress())).toMatchObject({
      ok: true,
      userId: account.id,
    });

    const events = await db.auditEvent.findMany({ where: { entityId: account.id, action: "user.invite" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      entityType: "User",
      after: { email, role: "CORRESPONDENT", name: "Léa Roux", locale: "fr" },
    });
    expect(JSON.stringify([events[0]!.before, events[0]!.after])).not.toContain(strongPassword);
  });

  it("refuses an e-mail already taken, on its field, and changes nothing", async () => {
    const admin = await newUser("ADMIN");
    const existing = await newUser("STUDENT");
    const attempt = createStaffAccount(staffAccount(existing.email, "ADMIN"), admin);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: "accountEmailTaken", field: "email" });
    expect(await db.user.findUniqueOrThrow({ where: { email: existing.email } })).toMatchObject({
      id: existing.id,
      role: "STUDENT",
    });
    expect(await db.auditEvent.count({ where: { actorId: admin.id } })).toBe(0);
  });
});

describe("disabling and enabling an account", () => {
  it("disables at once: disabled is set, sessionsValidAfter moves to now, open sessions stop being valid", async () => {
    const admin = await newUser("ADMIN");
    const email = uniqueEmail("to-disable");
    const target = await createStaffAccount(staffAccount(email), admin);
    await acceptInvitation(target);
    const signedIn = await signInWithPassword(email, strongPassword, uniqueAddress());
    if (!signedIn.ok) throw new Error("sign-in failed");
    const before = Date.now();

    await setAccountDisabled(ZSetAccountDisabled.parse({ userId: target.id, disabled: "true" }), admin);

    const user = await db.user.findUniqueOrThrow({
      where: { id: target.id },
      select: { disabled: true, sessionsValidAfter: true },
    });
    expect(user.disabled).toBe(true);
    expect(user.sessionsValidAfter.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const session = await db.userSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } });
    expect(isSessionValid(session, user, new Date(), 3_600_000)).toBe(false);
    // Even once enabled again, the sessions opened before stay closed.
    expect(isSessionValid(session, { ...user, disabled: false }, new Date(), 3_600_000)).toBe(false);
    expect(await signInWithPassword(email, strongPassword, uniqueAddress())).toEqual({ ok: false, reason: "invalid" });

    const events = (await eventsOf(target.id)).filter((event) => event.actorId === admin.id);
    expect(events.map((event) => event.action)).toEqual(["user.invite", "user.disable"]);
    expect(events[1]).toMatchObject({ actorId: admin.id, before: { disabled: false }, after: { disabled: true } });
  });

  it("enables again without moving sessionsValidAfter; repeating either changes nothing", async () => {
    const admin = await newUser("ADMIN");
    const target = await newUser("CORRESPONDENT");
    await setAccountDisabled({ userId: target.id, disabled: true }, admin);
    await setAccountDisabled({ userId: target.id, disabled: true }, admin);
    const disabledAt = (await db.user.findUniqueOrThrow({ where: { id: target.id } })).sessionsValidAfter;
    await setAccountDisabled({ userId: target.id, disabled: false }, admin);
    await setAccountDisabled({ userId: target.id, disabled: false }, admin);
    const user = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(user.disabled).toBe(false);
    expect(user.sessionsValidAfter).toEqual(disabledAt);
    expect((await eventsOf(target.id)).map((event) => event.action)).toEqual(["user.disable", "user.enable"]);
  });

  it("refuses that an admin disables themselves, and changes nothing", async () => {
    const admin = await newUser("ADMIN");
    const { sessionsValidAfter } = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(setAccountDisabled({ userId: admin.id, disabled: true }, admin)).rejects.toMatchObject({
      code: "cannotDisableSelf",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      disabled: false,
      sessionsValidAfter,
    });
    expect(await eventsOf(admin.id)).toEqual([]);
  });

  it("refuses an actor who is no longer an enabled admin (the chain's check could be a request old)", async () => {
    const formerAdmin = await newUser("CORRESPONDENT");
    const disabledAdmin = await newUser("ADMIN", true);
    const target = await newUser("CORRESPONDENT");
    for (const actor of [formerAdmin, disabledAdmin]) {
      await expect(setAccountDisabled({ userId: target.id, disabled: true }, actor)).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(changeRole({ userId: target.id, role: "ADMIN" }, actor)).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      disabled: false,
      role: "CORRESPONDENT",
    });
  });

  it("answers not found for an account that does not exist", async () => {
    const admin = await newUser("ADMIN");
    await expect(
      setAccountDisabled({ userId: "00000000-0000-4000-8000-000000000000", disabled: true }, admin),
    ).rejects.toMatchObject({ code: "notFound" });
  });
});

describe("changing a role", () => {
  it("promotes a correspondent to admin and back, one audit event each", async () => {
    const admin = await newUser("ADMIN");
    const target = await newUser("CORRESPONDENT");
    await changeRole(ZChangeRole.parse({ userId: target.id, role: "ADMIN" }), admin);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("ADMIN");
    await changeRole(ZChangeRole.parse({ userId: target.id, role: "CORRESPONDENT" }), admin);
    await changeRole(ZChangeRole.parse({ userId: target.id, role: "CORRESPONDENT" }), admin);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("CORRESPONDENT");
    const events = await eventsOf(target.id);
    expect(events.map((event) => [event.action, event.before, event.after])).toEqual([
      ["user.changeRole", { role: "CORRESPONDENT" }, { role: "ADMIN" }],
      ["user.changeRole", { role: "ADMIN" }, { role: "CORRESPONDENT" }],
    ]);
  });

  it("refuses that an admin removes their own admin role, on the role field, and changes nothing", async () => {
    const admin = await newUser("ADMIN");
    await expect(changeRole({ userId: admin.id, role: "CORRESPONDENT" }, admin)).rejects.toMatchObject({
      code: "cannotDemoteSelf",
      field: "role",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect(await eventsOf(admin.id)).toEqual([]);
  });

  it("keeps a student account a student's", async () => {
    const admin = await newUser("ADMIN");
    const student = await newUser("STUDENT");
    await expect(changeRole({ userId: student.id, role: "ADMIN" }, admin)).rejects.toMatchObject({
      code: "studentRoleFixed",
      field: "role",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe("STUDENT");
  });

  it("two admins demoting each other at the same instant: one wins, an admin remains", async () => {
    const [first, second] = [await newUser("ADMIN"), await newUser("ADMIN")];
    const outcomes = await Promise.allSettled([
      changeRole({ userId: second.id, role: "CORRESPONDENT" }, first),
      changeRole({ userId: first.id, role: "CORRESPONDENT" }, second),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "forbidden" });
    const roles = await db.user.findMany({ where: { id: { in: [first.id, second.id] } }, select: { role: true } });
    expect(roles.map((row) => row.role).sort()).toEqual(["ADMIN", "CORRESPONDENT"]);
  });
});
