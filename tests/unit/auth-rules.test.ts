import { describe, expect, it } from "vitest";
import {
  addressThrottle,
  afterFailure,
  emailThrottle,
  isSessionValid,
  passwordLength,
  passwordPolicy,
  remainingLockMs,
  type ThrottleState,
} from "@/lib/auth/rules";

describe("password policy", () => {
  it.each([
    ["11 ASCII characters", "a".repeat(11), false],
    ["12 ASCII characters", "a".repeat(12), true],
    ["128 characters", "a".repeat(128), true],
    ["129 characters", "a".repeat(129), false],
    ["12 emoji (24 UTF-16 units)", "🔑".repeat(12), true],
    ["6 emoji (12 UTF-16 units)", "🔑".repeat(6), false],
  ])("%s → allowed: %s", (_label, password, allowed) => {
    const length = passwordLength(password);
    expect(length >= passwordPolicy.minLength && length <= passwordPolicy.maxLength).toBe(allowed);
  });
});

describe("sign-in throttle", () => {
  const t0 = new Date("2026-11-22T10:00:00Z");
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const failTimes = (count: number, policy = emailThrottle, every = 1) => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < count; i++) state = afterFailure(state, at(i * every), policy);
    return state!;
  };

  it.each([
    [1, 0],
    [5, 0],
    [6, 30_000],
    [7, 60_000],
    [8, 120_000],
    [12, 15 * 60_000], // capped
  ])("per e-mail: after %i failures in a row the lock is %i ms", (failures, lockMs) => {
    const state = failTimes(failures);
    expect(state.failures).toBe(failures);
    expect(state.lockedUntil ? state.lockedUntil.getTime() - at(failures - 1).getTime() : 0).toBe(lockMs);
  });

  it("per address: 20 failures are free, the 21st locks for a minute", () => {
    expect(failTimes(20, addressThrottle).lockedUntil).toBeNull();
    const state = failTimes(21, addressThrottle);
    expect(state.lockedUntil!.getTime() - at(20).getTime()).toBe(60_000);
  });

  it("forgets failures older than the window", () => {
    const state = failTimes(5);
    const later = afterFailure(state, at(16 * 60), emailThrottle);
    expect(later).toEqual({ failures: 1, firstFailureAt: at(16 * 60), lockedUntil: null });
  });

  it.each([
    ["no state", null, at(0), 0],
    ["not locked", { failures: 2, firstFailureAt: t0, lockedUntil: null }, at(0), 0],
    ["locked for 30 more seconds", { failures: 6, firstFailureAt: t0, lockedUntil: at(30) }, at(0), 30_000],
    ["lock has passed", { failures: 6, firstFailureAt: t0, lockedUntil: at(30) }, at(31), 0],
  ])("remaining lock: %s", (_label, state, now, expected) => {
    expect(remainingLockMs(state, now)).toBe(expected);
  });
});

describe("session validity", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
  const idleMs = 120 * 60_000;
  const session = { createdAt: minutes(-60), lastSeenAt: minutes(-5), expiresAt: minutes(600), revokedAt: null };
  const user = { disabled: false, sessionsValidAfter: minutes(-24 * 60) };

  it.each([
    ["a live session", session, user, true],
    ["signed out (revoked)", { ...session, revokedAt: minutes(-1) }, user, false],
    ["past its absolute end", { ...session, expiresAt: minutes(-1) }, user, false],
    ["idle for more than 2 hours", { ...session, lastSeenAt: minutes(-121) }, user, false],
    ["user disabled", session, { ...user, disabled: true }, false],
    ["opened before 'sign out everywhere'", session, { ...user, sessionsValidAfter: minutes(-30) }, false],
  ])("%s → %s", (_label, candidate, owner, expected) => {
    expect(isSessionValid(candidate, owner, now, idleMs)).toBe(expected);
  });
});
