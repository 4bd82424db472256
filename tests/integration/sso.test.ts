/**
 * Single sign-on's decisions against a real PostgreSQL (R-SSO-2…4): what the identity
 * provider's validated claims open. The redirect flow itself, with a real provider, is
 * tests/e2e/sso.spec.ts.
 */
import { describe, expect, it } from "vitest";
import { identityFromClaims, parseGroupRoles } from "@/lib/auth/sso/rules";
import { openSsoSession } from "@/lib/auth/sso/service";
import { db } from "@/lib/db";
import { ZCreateStaffAccount } from "@/lib/users/schemas";
import { createStaffAccount } from "@/lib/users/service";
import { createViewer } from "./fixtures";
import { uniqueAddress, uniqueEmail } from "./helpers";

const issuer = "https://idp.test.example";
const names = { email: "email", name: "name", groups: "groups" };
const client = () => ({ address: uniqueAddress(), userAgent: "vitest" });
const identity = (claims: Record<string, unknown>, groupRoles = "") =>
  identityFromClaims({ email_verified: true, ...claims }, issuer, names, parseGroupRoles(groupRoles));

async function invite(role: "CORRESPONDENT" | "ADMIN", email = uniqueEmail("invited")) {
  const admin = await createViewer("ADMIN");
  const input = ZCreateStaffAccount.parse({ name: "Léa Roux", email, role, locale: "fr" });
  return createStaffAccount(input, { id: admin.id });
}

const eventsOf = async (entityId: string) =>
  (await db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } })).map((event) => event.action);

describe("R-SSO-2: an invited staff account", () => {
  it("is linked by its first single sign-on, which opens an SSO session; the next one finds it by subject", async () => {
    const account = await invite("CORRESPONDENT");
    const sub = `sub-${account.id}`;
    const first = await openSsoSession(identity({ sub, email: account.email.toUpperCase() }), client());
    expect(first).toMatchObject({ ok: true, userId: account.id });
    const user = await db.user.findUniqueOrThrow({
      where: { id: account.id },
      select: { ssoSubject: true, emailVerifiedAt: true },
    });
    expect(user.ssoSubject).toBe(`${issuer} ${sub}`);
    expect(user.emailVerifiedAt).not.toBeNull();
    const session = await db.userSession.findUniqueOrThrow({ where: { id: first.ok ? first.sessionId : "" } });
    expect(session).toMatchObject({ method: "SSO", pendingStep: null, userId: account.id });
    // The provider's e-mail may change later: the linked subject still opens the same account.
    const second = await openSsoSession(identity({ sub, email: uniqueEmail("renamed") }), client());
    expect(second).toMatchObject({ ok: true, userId: account.id });
    expect(await eventsOf(account.id)).toEqual(["user.invite", "sso.link", "session.open", "session.open"]);
  });

  it("an unverified e-mail claim links nothing and opens nothing", async () => {
    const account = await invite("ADMIN");
    const outcome = await openSsoSession(
      identity({ sub: `sub-${account.id}`, email: account.email, email_verified: false }),
      client(),
    );
    expect(outcome).toEqual({ ok: false, reason: "unverified" });
    const user = await db.user.findUniqueOrThrow({ where: { id: account.id }, select: { ssoSubject: true } });
    expect(user.ssoSubject).toBeNull();
    expect(await db.userSession.count({ where: { userId: account.id } })).toBe(0);
  });
});

describe("R-SSO-4: an unknown person", () => {
  it("is refused: no account, no session, one audit event", async () => {
    const email = uniqueEmail("stranger");
    const [users, sessions] = [await db.user.count(), await db.userSession.count()];
    const outcome = await openSsoSession(identity({ sub: `stranger-${email}`, email }), client());
    expect(outcome).toEqual({ ok: false, reason: "unknown" });
    expect(await db.user.count()).toBe(users);
    expect(await db.userSession.count()).toBe(sessions);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "sso.refused", entityId: `${issuer} stranger-${email}` },
    });
    expect(event.after).toEqual({ reason: "unknown", email });
  });

  it("a student's account is not opened by a university identity with its e-mail", async () => {
    const student = await createViewer("STUDENT");
    const outcome = await openSsoSession(identity({ sub: `s-${student.id}`, email: student.email }), client());
    expect(outcome).toEqual({ ok: false, reason: "student" });
  });
});

describe("R-SSO-3: group mapping", () => {
  it("a person in a mapped group gets a staff account of the highest mapped role, linked and audited", async () => {
    const email = uniqueEmail("grouped");
    const claims = { sub: `g-${email}`, email, name: "Nadia Haddad", groups: ["library", "dri-staff", "dri-admins"] };
    const outcome = await openSsoSession(identity(claims, "dri-staff=CORRESPONDENT,dri-admins=ADMIN"), client());
    expect(outcome.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, name: true } });
    expect(user).toMatchObject({ role: "ADMIN", name: "Nadia Haddad" });
    expect(await eventsOf(user.id)).toEqual(["sso.createAccount", "session.open"]);
  });

  it("without a mapping (the default), the same groups open nothing", async () => {
    const email = uniqueEmail("ungrouped");
    const outcome = await openSsoSession(identity({ sub: `u-${email}`, email, groups: ["dri-admins"] }), client());
    expect(outcome).toEqual({ ok: false, reason: "unknown" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("two first sign-ins at once make one account", async () => {
    const email = uniqueEmail("race");
    const who = identity({ sub: `r-${email}`, email, groups: ["dri-staff"] }, "dri-staff=CORRESPONDENT");
    const outcomes = await Promise.all([openSsoSession(who, client()), openSsoSession(who, client())]);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
