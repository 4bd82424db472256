/**
 * Accounts that last (issue 11), against a real PostgreSQL and the real SMTP sink: mailed
 * links are single-use, expire, and a newer one voids the older; registration and "forgot
 * password" answer the same for any address; setting a password ends the sessions; staff are
 * invited, never given a password.
 */
import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/accounts/rules";
import { ZChangeEmail, ZChangePassword, ZRegister, ZResetPassword } from "@/lib/accounts/schemas";
import { sendLinkMails } from "@/lib/accounts/send-links";
import {
  changePassword,
  confirmEmail,
  registerStudent,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
} from "@/lib/accounts/service";
import { signInWithPassword } from "@/lib/auth/service";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readOutbox } from "@/lib/mail/outbox";
import { ZCreateStaffAccount } from "@/lib/users/schemas";
import { createStaffAccount } from "@/lib/users/service";
import { createViewer } from "./fixtures";
import { strongPassword, uniqueAddress, uniqueEmail } from "./helpers";

const newPassword = "another sturdy passphrase 42";

const registration = (email: string, name = "Zoé Martin") =>
  ZRegister.parse({ name, email, password: strongPassword, passwordConfirmation: strongPassword });

/** The token of the last link mailed to `to`, read from the SMTP sink as a person would. */
async function linkFromSink(to: string, page: "reset-password" | "confirm-email"): Promise<string> {
  const [message] = await readOutbox(env().MAIL_SINK_DIR!, 1, { to });
  const match = message?.text.match(new RegExp(`/${page}\\?token=([A-Za-z0-9_-]{43})`));
  if (!match) throw new Error(`no ${page} link mailed to ${to}`);
  return match[1]!;
}

async function registeredStudent(email = uniqueEmail("acc")) {
  await sendLinkMails(await registerStudent(registration(email), "en", uniqueAddress()), "test");
  const user = await db.user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } });
  return { email, user };
}

async function openSessions(email: string, password: string, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const outcome = await signInWithPassword(email, password, uniqueAddress());
    if (!outcome.ok) throw new Error("sign-in refused");
    ids.push(outcome.sessionId);
  }
  return ids;
}

const reset = (token: string, password = newPassword) =>
  resetPassword(ZResetPassword.parse({ token, password, passwordConfirmation: password }));

async function requestReset(email: string) {
  await sendLinkMails(await requestPasswordReset(email, uniqueAddress()), "test");
  return linkFromSink(email, "reset-password");
}

describe("registration (R-ACC-6, R-ACC-7)", () => {
  it("makes an unconfirmed account and mails a verification link in the student's language", async () => {
    const { email, user } = await registeredStudent();
    expect(user.emailVerifiedAt).toBeNull();
    const [mail] = await readOutbox(env().MAIL_SINK_DIR!, 1, { to: email });
    expect(mail!.subject).toBe("Confirm your e-mail address");
    const token = await linkFromSink(email, "confirm-email");
    // Only the hash is stored (R-ACC-2).
    expect(await db.accountToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.accountToken.count({ where: { tokenHash: hashToken(token) } })).toBe(1);
    expect(await confirmEmail(token)).toBe("verified");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
    await expect(confirmEmail(token)).rejects.toMatchObject({ code: "linkInvalid" });
  });

  it("answers an address that has an account like a new one, and mails its owner a reset link instead", async () => {
    const { email, user } = await registeredStudent();
    const known = await registerStudent(registration(email, "Someone Else"), "fr", uniqueAddress());
    const fresh = await registerStudent(registration(uniqueEmail("fresh")), "fr", uniqueAddress());
    // The same shape either way: one mail to the address typed; the caller sees only the redirect.
    expect(known.map((mail) => mail.to)).toEqual([email]);
    expect(fresh).toHaveLength(1);
    expect(known[0]!.template).toBe("accountExists");
    // The owner's name and language, not the intruder's.
    expect(known[0]!.values.name).toBe("Zoé Martin");
    expect(known[0]!.locale).toBe("en");
    await sendLinkMails(known, "test");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(after.name).toBe("Zoé Martin");
    expect(after.passwordHash).toBe(user.passwordHash);
  });

  it("R-ACC-4: throttles registrations per client address", async () => {
    const address = uniqueAddress();
    for (let i = 0; i < 10; i++) await registerStudent(registration(uniqueEmail("burst")), "en", address);
    await expect(registerStudent(registration(uniqueEmail("burst")), "en", address)).rejects.toMatchObject({
      code: "tooManyRequests",
    });
  });

  it("R-ACC-5: the mail to an address not yet confirmed does not print the name typed", async () => {
    const email = uniqueEmail("victim");
    const name = "Win a prize at evil.example today";
    await sendLinkMails(await registerStudent(registration(email, name), "en", uniqueAddress()), "test");
    const [mail] = await readOutbox(env().MAIL_SINK_DIR!, 1, { to: email });
    expect(mail!.text).toMatch(/^Hello,\n/);
    expect(mail!.text).not.toContain("evil.example");
  });

  it("R-ACC-5: a name carrying a second paragraph or a link is refused", () => {
    for (const name of ["Zoé\n\nClick http://evil.example", "Zoé\r\nBcc: x@y", "Zoé\u2028Martin"]) {
      expect(ZRegister.safeParse({ ...registration(uniqueEmail("n")), name }).success).toBe(false);
    }
  });
});

describe("forgot password (R-ACC-1, R-ACC-3, R-ACC-6)", () => {
  it("answers the same for an unknown address, and mails nothing", async () => {
    const unknown = uniqueEmail("nobody");
    await expect(requestPasswordReset(unknown, uniqueAddress())).resolves.toEqual([]);
    expect(await readOutbox(env().MAIL_SINK_DIR!, 1, { to: unknown })).toEqual([]);
  });

  it("a link sets the password once, ends every session, and opens nothing afterwards", async () => {
    const { email } = await registeredStudent();
    const sessions = await openSessions(email, strongPassword, 2);
    const token = await requestReset(email);
    const [mail] = await readOutbox(env().MAIL_SINK_DIR!, 1, { to: email });
    expect(mail!.subject).toBe("Choose a new password");
    await reset(token);
    const rows = await db.userSession.findMany({ where: { id: { in: sessions } } });
    expect(rows.every((row) => row.revokedAt !== null)).toBe(true);
    expect((await signInWithPassword(email, strongPassword, uniqueAddress())).ok).toBe(false);
    expect((await signInWithPassword(email, newPassword, uniqueAddress())).ok).toBe(true);
    // Used: the same link again changes nothing.
    await expect(reset(token, "yet another passphrase 77")).rejects.toMatchObject({ code: "linkInvalid" });
    expect((await signInWithPassword(email, newPassword, uniqueAddress())).ok).toBe(true);
  });

  it("a newer link voids the older one", async () => {
    const { email } = await registeredStudent();
    const first = await requestReset(email);
    const second = await requestReset(email);
    expect(second).not.toBe(first);
    await expect(reset(first)).rejects.toMatchObject({ code: "linkInvalid" });
    await reset(second);
  });

  it("a link is refused after its 30 minutes", async () => {
    const { email } = await registeredStudent();
    const token = await requestReset(email);
    const row = await db.accountToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 60_000);
    await db.accountToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(reset(token)).rejects.toMatchObject({ code: "linkInvalid" });
  });

  it("a tampered token or one of another purpose changes nothing", async () => {
    const { email, user } = await registeredStudent();
    const verification = await linkFromSink(email, "confirm-email");
    await expect(reset(verification)).rejects.toMatchObject({ code: "linkInvalid" });
    const token = await requestReset(email);
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    await expect(reset(tampered)).rejects.toMatchObject({ code: "linkInvalid" });
    await expect(reset("not-a-token")).rejects.toMatchObject({ code: "linkInvalid" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(after.passwordHash).toBe(user.passwordHash);
  });

  it("R-ACC-4: at most 3 reset mails per address in 15 minutes, the caller told the same", async () => {
    const { email } = await registeredStudent();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await requestPasswordReset(email, uniqueAddress()));
    expect(answers.map((mails) => mails.length)).toEqual([1, 1, 1, 0, 0]);
  });

  it("R-ACC-4: a burst from one client address is cut off", async () => {
    const address = uniqueAddress();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, () => requestPasswordReset(uniqueEmail("burst"), address)),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(20);
  });
});

describe("my account", () => {
  async function signedInStudent() {
    const { email, user } = await registeredStudent();
    const [sessionId, otherSession] = await openSessions(email, strongPassword, 2);
    const viewer: Viewer = { ...(await createViewerLike(user)), sessionId: sessionId! };
    return { email, viewer, otherSession: otherSession! };
  }

  it("changing the password needs the current one and ends the other sessions only", async () => {
    const { email, viewer, otherSession } = await signedInStudent();
    const input = (currentPassword: string) =>
      ZChangePassword.parse({ currentPassword, password: newPassword, passwordConfirmation: newPassword });
    await expect(changePassword(viewer, input("wrong password here"))).rejects.toMatchObject({
      code: "currentPasswordWrong",
      field: "currentPassword",
    });
    await changePassword(viewer, input(strongPassword));
    const sessions = await db.userSession.findMany({ where: { id: { in: [viewer.sessionId, otherSession] } } });
    expect(sessions.find((row) => row.id === viewer.sessionId)!.revokedAt).toBeNull();
    expect(sessions.find((row) => row.id === otherSession)!.revokedAt).not.toBeNull();
    expect((await signInWithPassword(email, newPassword, uniqueAddress())).ok).toBe(true);
  });

  it("a change of e-mail applies only when the link mailed to the new address is followed", async () => {
    const { email, viewer } = await signedInStudent();
    const newEmail = uniqueEmail("moved");
    const mails = await requestEmailChange(
      viewer,
      ZChangeEmail.parse({ email: newEmail, currentPassword: strongPassword }),
    );
    expect(mails.map((mail) => [mail.to, mail.template])).toEqual([
      [newEmail, "emailChange"],
      [email, "emailChangeNotice"],
    ]);
    await sendLinkMails(mails, "test");
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).email).toBe(email);
    expect((await readOutbox(env().MAIL_SINK_DIR!, 1, { to: email }))[0]!.text).toContain(newEmail);
    const token = await linkFromSink(newEmail, "confirm-email");
    expect(await confirmEmail(token)).toBe("changed");
    const moved = await db.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerifiedAt).not.toBeNull();
  });

  it("a change to an address that has an account sends it no link, and says the same", async () => {
    const { viewer } = await signedInStudent();
    const { email: taken } = await registeredStudent();
    const mails = await requestEmailChange(
      viewer,
      ZChangeEmail.parse({ email: taken, currentPassword: strongPassword }),
    );
    expect(mails.map((mail) => mail.template)).toEqual(["emailChangeNotice"]);
  });
});

describe("staff invitations (R-ACC-8)", () => {
  it("an invited correspondent sets their own password from the link, then signs in", async () => {
    const admin = await createViewer("ADMIN");
    const email = uniqueEmail("invited");
    const input = ZCreateStaffAccount.parse({ name: "Léa Roux", email, role: "CORRESPONDENT", locale: "fr" });
    const account = await createStaffAccount(input, { id: admin.id });
    expect(account.invitation).toMatchObject({ to: email, locale: "fr", template: "invitation" });
    expect((await signInWithPassword(email, strongPassword, uniqueAddress())).ok).toBe(false);
    await sendLinkMails([account.invitation], "test");
    const [mail] = await readOutbox(env().MAIL_SINK_DIR!, 1, { to: email });
    expect(mail!.subject).toBe("Votre compte personnel sur le portail des étudiants en échange d'AMU");
    await reset(await linkFromSink(email, "reset-password"));
    const signedIn = await signInWithPassword(email, newPassword, uniqueAddress());
    expect(signedIn).toMatchObject({ ok: true, userId: account.id });
    // R-MFA-4: a correspondent's session waits for the second factor's enrolment before it opens.
    const session = await db.userSession.findUniqueOrThrow({
      where: { id: signedIn.ok ? signedIn.sessionId : "" },
      select: { pendingStep: true },
    });
    expect(session.pendingStep).toBe("ENROLMENT");
    const events = await db.auditEvent.findMany({ where: { entityId: account.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["user.invite", "user.acceptInvitation"]);
  });
});

async function createViewerLike(user: { id: string; email: string; name: string }) {
  return {
    id: user.id,
    sessionId: "",
    email: user.email,
    name: user.name,
    role: "STUDENT" as const,
    locale: "en" as const,
    emailVerified: true,
    componentIds: [],
  };
}
