/**
 * Pure sign-in rules: the password policy and the throttle of failed sign-ins.
 * No I/O here; lib/auth/service.ts applies them.
 */

/** ASVS 6.2: at least 12 characters, at most 128 (counted as characters, not bytes). */
export const passwordPolicy = { minLength: 12, maxLength: 128 } as const;

export function passwordLength(password: string): number {
  return [...password].length;
}

export interface ThrottlePolicy {
  /** Failures allowed in the window before sign-ins on that key are slowed down. */
  freeFailures: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
  /** First lock after the free failures; each further failure doubles it up to maxLockMs. */
  baseLockMs: number;
  maxLockMs: number;
}

/** Per e-mail: a person who mistypes a few times is not bothered. */
export const emailThrottle: ThrottlePolicy = {
  freeFailures: 5,
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};

/** Per client address: looser, since a campus or a NAT shares one address among many people. */
export const addressThrottle: ThrottlePolicy = {
  freeFailures: 20,
  windowMs: 15 * 60_000,
  baseLockMs: 60_000,
  maxLockMs: 30 * 60_000,
};

export interface ThrottleState {
  failures: number;
  firstFailureAt: Date;
  lockedUntil: Date | null;
}

/** Milliseconds the key must still wait before the next attempt, 0 when it may try now. */
export function remainingLockMs(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** The state after one more failed sign-in. */
export function afterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const fresh = !state || now.getTime() - state.firstFailureAt.getTime() > policy.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const firstFailureAt = fresh ? now : state.firstFailureAt;
  const over = failures - policy.freeFailures;
  if (over <= 0) return { failures, firstFailureAt, lockedUntil: null };
  const lockMs = Math.min(policy.baseLockMs * 2 ** (over - 1), policy.maxLockMs);
  return { failures, firstFailureAt, lockedUntil: new Date(now.getTime() + lockMs) };
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/**
 * Whether a session still opens the portal: not revoked (signed out), not past its absolute
 * end, not idle too long, and not older than the user's "sign out everywhere" instant.
 */
export function isSessionValid(
  session: SessionTimes,
  user: { disabled: boolean; sessionsValidAfter: Date },
  now: Date,
  idleMs: number,
): boolean {
  if (session.revokedAt || user.disabled) return false;
  if (session.expiresAt.getTime() <= now.getTime()) return false;
  if (now.getTime() - session.lastSeenAt.getTime() > idleMs) return false;
  return session.createdAt.getTime() >= user.sessionsValidAfter.getTime();
}

/** The sign-in throttle's row of an e-mail or a client address (one key space, lower-cased). */
export function throttleKey(kind: "email" | "ip", value: string): string {
  return `${kind}:${value.toLowerCase()}`;
}

/** The reasons a password is refused as guessable, each a message of errors.validation. */
export type PasswordWeakness =
  | "passwordCommon"
  | "passwordPattern"
  | "passwordDates"
  | "passwordWords"
  | "passwordPersonal"
  | "passwordWeak";

/** ASVS 6.2.4: below this zxcvbn score (0–4), a password is refused as guessable. */
export const minimumPasswordScore = 3;

const weaknessByWarning: Record<string, PasswordWeakness> = {
  topTen: "passwordCommon",
  topHundred: "passwordCommon",
  common: "passwordCommon",
  similarToCommon: "passwordCommon",
  pwned: "passwordCommon",
  straightRow: "passwordPattern",
  keyPattern: "passwordPattern",
  simpleRepeat: "passwordPattern",
  extendedRepeat: "passwordPattern",
  sequences: "passwordPattern",
  recentYears: "passwordDates",
  dates: "passwordDates",
  wordByItself: "passwordWords",
  namesByThemselves: "passwordWords",
  commonNames: "passwordWords",
  userInputs: "passwordPersonal",
};

/**
 * Why a password is refused, from the estimator's score and warning key (zxcvbn-ts answers
 * with its translation keys): null when it is strong enough. The reason is worded in the
 * user's language by the errors catalogue, not by the estimator.
 */
export function passwordWeakness(score: number, warning: string | null): PasswordWeakness | null {
  if (score >= minimumPasswordScore) return null;
  return (warning && weaknessByWarning[warning]) || "passwordWeak";
}
