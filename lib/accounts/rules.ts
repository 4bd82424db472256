/**
 * Pure rules of the links mailed to account owners and of the quotas on sending them.
 * No I/O here; lib/accounts/tokens.ts and lib/accounts/quota.ts apply them.
 */
import { createHash } from "node:crypto";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

/**
 * How long each link opens its door (R-ACC-1). A reset link is short-lived since it opens
 * the account; an invitation waits for a staff member's first working day.
 */
export const tokenLifetimeMs: Record<AccountTokenPurpose, number> = {
  PASSWORD_RESET: 30 * 60_000,
  EMAIL_CHANGE: 24 * 3_600_000,
  EMAIL_VERIFICATION: 7 * 24 * 3_600_000,
  INVITATION: 7 * 24 * 3_600_000,
};

/** Only this digest is stored (R-ACC-2): a copy of the database opens no account. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as mailed: 32 random bytes in base64url (43 characters). Anything else is not one. */
export function isTokenShaped(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type TokenState = "valid" | "expired" | "used" | "unknown";

/**
 * Whether a stored link still opens (R-ACC-1): unknown (tampered, or of another purpose),
 * used (followed already, or replaced by a newer link: R-ACC-3), or past its expiry.
 */
export function tokenState(
  row: { purpose: AccountTokenPurpose; expiresAt: Date; usedAt: Date | null } | null,
  purposes: readonly AccountTokenPurpose[],
  now: Date,
): TokenState {
  if (!row || !purposes.includes(row.purpose)) return "unknown";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

export interface QuotaPolicy {
  limit: number;
  windowMs: number;
}

/**
 * R-ACC-4: mails an anonymous visitor can cause are limited per address typed and per client
 * address, so that nobody is flooded and the portal is not a mailer for hire. Per client
 * address it is looser: a campus or a NAT shares one address.
 */
export const quotas = {
  resetPerEmail: { limit: 3, windowMs: 15 * 60_000 },
  resetPerAddress: { limit: 20, windowMs: 15 * 60_000 },
  /** The limit is REGISTRATIONS_PER_ADDRESS_PER_HOUR (lib/env.ts), 10 by default. */
  registerPerAddress: { limit: 10, windowMs: 60 * 60_000 },
  resendPerAccount: { limit: 3, windowMs: 15 * 60_000 },
} as const satisfies Record<string, QuotaPolicy>;

/** The request count after one more request at `now`, in a fixed window. */
export function nextQuotaCount(
  state: { count: number; windowStart: Date } | null,
  now: Date,
  policy: QuotaPolicy,
): { count: number; windowStart: Date } {
  if (!state || now.getTime() - state.windowStart.getTime() >= policy.windowMs) return { count: 1, windowStart: now };
  return { count: state.count + 1, windowStart: state.windowStart };
}

/**
 * R-ACC-5: a name someone typed is put into mails sent to others (the "someone tried to
 * register with your address" notice) and to themselves. It is one line of plain text: line
 * breaks and control characters become spaces, and anything that looks like a link or an
 * address loses the characters that make mail programs turn it into one.
 */
export function plainName(name: string): string {
  return name
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/(https?|ftp|mailto|www)\s*[:.]/giu, "$1 ")
    .replace(/[<>/@:]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
}

/**
 * Issue 19: an AMU student's address is on one of the university's student domains, exactly
 * (a look-alike such as `x@evil-etu.univ-amu.fr` or a subdomain does not count).
 */
export function isUniversityStudentEmail(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf("@");
  return at > 0 && domains.includes(email.slice(at + 1).toLowerCase());
}
