/**
 * Pure rules of single sign-on (R-SSO-1…4): reading the identity provider's claims, mapping
 * groups to roles, and deciding what a university identity may open. No I/O here;
 * lib/auth/sso/service.ts applies them.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export type StaffRole = Exclude<Role, "STUDENT">;

/** Higher first: a person in several mapped groups gets the highest role (R-SSO-3). */
const rolePrecedence: StaffRole[] = ["ADMIN", "CORRESPONDENT"];

/**
 * "dri-staff=CORRESPONDENT, dri-admins=ADMIN" → group → role. An entry that names no staff
 * role is an operator's mistake: it stops the server at boot (lib/env.ts reads through this).
 */
export function parseGroupRoles(spec: string | undefined): Map<string, StaffRole> {
  const mapping = new Map<string, StaffRole>();
  for (const entry of (spec ?? "").split(",")) {
    if (!entry.trim()) continue;
    const separator = entry.lastIndexOf("=");
    const group = entry.slice(0, separator).trim();
    const role = entry.slice(separator + 1).trim();
    if (separator <= 0 || !group || !rolePrecedence.includes(role as StaffRole)) {
      throw new Error(`SSO_GROUP_ROLES: "${entry.trim()}" is not group=CORRESPONDENT or group=ADMIN`);
    }
    mapping.set(group, role as StaffRole);
  }
  return mapping;
}

/** R-SSO-3: the role the person's groups map to, the highest if several; null when none does. */
export function roleFromGroups(groups: unknown, mapping: Map<string, StaffRole>): StaffRole | null {
  if (mapping.size === 0) return null;
  const list = Array.isArray(groups) ? groups : typeof groups === "string" ? [groups] : [];
  const roles = new Set(list.filter((group) => typeof group === "string").map((group) => mapping.get(group)));
  return rolePrecedence.find((role) => roles.has(role)) ?? null;
}

export interface SsoIdentity {
  /** "issuer subject": the identity provider's stable name for the person. */
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groupRole: StaffRole | null;
}

/**
 * The claims of a validated ID token (or userinfo), read with the configured claim names. An
 * e-mail counts as verified only when the provider says so: `email_verified` true, or absent
 * (many university providers never send it for their own institutional addresses).
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  issuer: string,
  names: { email: string; name: string; groups?: string },
  mapping: Map<string, StaffRole>,
): SsoIdentity {
  const email = typeof claims[names.email] === "string" ? (claims[names.email] as string).trim().toLowerCase() : "";
  const name = typeof claims[names.name] === "string" ? (claims[names.name] as string).trim() : "";
  return {
    subject: `${issuer} ${String(claims.sub)}`,
    email: email || null,
    emailVerified: claims.email_verified !== false && claims.email_verified !== "false",
    name: name || null,
    groupRole: names.groups ? roleFromGroups(claims[names.groups], mapping) : null,
  };
}

export interface AccountSeen {
  id: string;
  role: Role;
  disabled: boolean;
  ssoSubject: string | null;
}

export type SsoDecision =
  | { kind: "signIn"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "create"; role: StaffRole }
  | { kind: "refuse"; reason: "unknown" | "unverified" | "student" | "disabled" | "otherIdentity" };

/**
 * R-SSO-2: the identity provider proves who; the portal decides what. An identity already
 * linked signs in; else a staff account with the same verified e-mail is linked on this first
 * sign-in (an administrator invited it); else a mapped group creates a staff account (R-SSO-3);
 * anything else is refused and nothing is created (R-SSO-4).
 */
export function decideSsoSignIn(
  identity: SsoIdentity,
  linked: AccountSeen | null,
  byEmail: AccountSeen | null,
): SsoDecision {
  if (linked) {
    if (linked.disabled) return { kind: "refuse", reason: "disabled" };
    if (linked.role === "STUDENT") return { kind: "refuse", reason: "student" };
    return { kind: "signIn", userId: linked.id };
  }
  if (!identity.email) return { kind: "refuse", reason: "unknown" };
  if (!identity.emailVerified) return { kind: "refuse", reason: "unverified" };
  if (byEmail) {
    if (byEmail.disabled) return { kind: "refuse", reason: "disabled" };
    if (byEmail.role === "STUDENT") return { kind: "refuse", reason: "student" };
    // Another university identity already holds this account: a changed subject is not relinked silently.
    if (byEmail.ssoSubject) return { kind: "refuse", reason: "otherIdentity" };
    return { kind: "link", userId: byEmail.id };
  }
  if (identity.groupRole) return { kind: "create", role: identity.groupRole };
  return { kind: "refuse", reason: "unknown" };
}
