import { describe, expect, it } from "vitest";
import {
  type AccountSeen,
  decideSsoSignIn,
  identityFromClaims,
  parseGroupRoles,
  roleFromGroups,
  type SsoIdentity,
} from "@/lib/auth/sso/rules";

describe("R-SSO-3: the group → role mapping", () => {
  it("reads group=ROLE pairs, spaces and empty entries allowed; none configured is an empty mapping", () => {
    // The role follows the last "=": a group name may hold one (an LDAP "cn=…").
    expect(parseGroupRoles(" dri-staff=CORRESPONDENT, ,cn=dri-admins=ADMIN ")).toEqual(
      new Map([
        ["dri-staff", "CORRESPONDENT"],
        ["cn=dri-admins", "ADMIN"],
      ]),
    );
    expect(parseGroupRoles(undefined).size).toBe(0);
    expect(parseGroupRoles("").size).toBe(0);
  });

  it.each(["students=STUDENT", "staff", "=ADMIN", "staff=admin"])(
    "refuses %s (a student role is never mapped)",
    (spec) => {
      expect(() => parseGroupRoles(spec)).toThrow(/SSO_GROUP_ROLES/);
    },
  );

  const mapping = parseGroupRoles("dri-staff=CORRESPONDENT,dri-admins=ADMIN");
  it.each([
    [["dri-staff"], "CORRESPONDENT"],
    [["dri-staff", "dri-admins"], "ADMIN"],
    [["library", "dri-admins"], "ADMIN"],
    ["dri-staff", "CORRESPONDENT"],
    [["library"], null],
    [[], null],
    [undefined, null],
    [[42, { group: "dri-admins" }], null],
  ])("groups %j → %s (the highest mapped role wins)", (groups, role) => {
    expect(roleFromGroups(groups, mapping)).toBe(role);
  });

  it("no mapping (the default): no group gives a role", () => {
    expect(roleFromGroups(["dri-admins"], new Map())).toBeNull();
  });
});

describe("the identity read from the provider's claims", () => {
  const names = { email: "email", name: "name", groups: "groups" };
  const mapping = parseGroupRoles("dri-staff=CORRESPONDENT");

  it("reads the configured claims, lower-cases the e-mail and names the subject by its issuer", () => {
    const claims = { sub: "u1", email: " Lea.Roux@Univ-Amu.fr ", name: "Léa Roux", groups: ["dri-staff"] };
    expect(identityFromClaims(claims, "https://idp.example", names, mapping)).toEqual({
      subject: "https://idp.example u1",
      email: "lea.roux@univ-amu.fr",
      emailVerified: true,
      name: "Léa Roux",
      groupRole: "CORRESPONDENT",
    });
  });

  it("honours other claim names (e.g. a university's mail and displayName)", () => {
    const claims = { sub: "u2", mail: "a@b.fr", displayName: "A B", email_verified: false };
    const identity = identityFromClaims(claims, "i", { email: "mail", name: "displayName" }, mapping);
    expect(identity).toMatchObject({ email: "a@b.fr", name: "A B", emailVerified: false, groupRole: null });
  });
});

describe("R-SSO-2, R-SSO-4: what an identity opens", () => {
  const identity = (overrides: Partial<SsoIdentity> = {}): SsoIdentity => ({
    subject: "idp s1",
    email: "staff@univ.fr",
    emailVerified: true,
    name: "Staff",
    groupRole: null,
    ...overrides,
  });
  const account = (overrides: Partial<AccountSeen> = {}): AccountSeen => ({
    id: "a1",
    role: "CORRESPONDENT",
    disabled: false,
    ssoSubject: null,
    ...overrides,
  });

  it.each([
    [
      "a linked identity signs in",
      identity(),
      account({ ssoSubject: "idp s1" }),
      null,
      { kind: "signIn", userId: "a1" },
    ],
    ["an invited account with that e-mail is linked", identity(), null, account(), { kind: "link", userId: "a1" }],
    ["nobody known: refused", identity(), null, null, { kind: "refuse", reason: "unknown" }],
    [
      "nobody known but a mapped group: an account is created",
      identity({ groupRole: "ADMIN" }),
      null,
      null,
      { kind: "create", role: "ADMIN" },
    ],
    [
      "an unverified e-mail links nothing",
      identity({ emailVerified: false }),
      null,
      account(),
      { kind: "refuse", reason: "unverified" },
    ],
    [
      "an unverified e-mail creates nothing, whatever the groups",
      identity({ emailVerified: false, groupRole: "ADMIN" }),
      null,
      null,
      { kind: "refuse", reason: "unverified" },
    ],
    ["no e-mail claim: unknown", identity({ email: null }), null, null, { kind: "refuse", reason: "unknown" }],
    [
      "a student's account is never opened this way",
      identity(),
      null,
      account({ role: "STUDENT" }),
      { kind: "refuse", reason: "student" },
    ],
    [
      "a disabled account stays closed",
      identity(),
      account({ ssoSubject: "idp s1", disabled: true }),
      null,
      { kind: "refuse", reason: "disabled" },
    ],
    [
      "an account linked to another identity is not relinked",
      identity(),
      null,
      account({ ssoSubject: "idp other" }),
      { kind: "refuse", reason: "otherIdentity" },
    ],
    [
      "a mapped group does not take over an existing student account",
      identity({ groupRole: "ADMIN" }),
      null,
      account({ role: "STUDENT" }),
      { kind: "refuse", reason: "student" },
    ],
  ] as const)("%s", (_name, who, linked, byEmail, decision) => {
    expect(decideSsoSignIn(who, linked, byEmail)).toEqual(decision);
  });
});
