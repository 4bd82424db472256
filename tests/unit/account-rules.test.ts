import { describe, expect, it } from "vitest";
import { hashToken, isTokenShaped, nextQuotaCount, plainName, tokenLifetimeMs, tokenState } from "@/lib/accounts/rules";
import { passwordWeakness } from "@/lib/auth/rules";

const now = new Date("2026-11-29T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("tokenState (R-ACC-1, R-ACC-3)", () => {
  const row = { purpose: "PASSWORD_RESET" as const, expiresAt: later(60_000), usedAt: null };
  it.each([
    ["R-ACC-1: an open link", row, ["PASSWORD_RESET"], "valid"],
    ["R-ACC-1: no such link (tampered)", null, ["PASSWORD_RESET"], "unknown"],
    ["R-ACC-1: a link of another purpose", row, ["EMAIL_VERIFICATION"], "unknown"],
    ["R-ACC-1: used, or replaced by a newer one (R-ACC-3)", { ...row, usedAt: now }, ["PASSWORD_RESET"], "used"],
    ["R-ACC-1: expired", { ...row, expiresAt: now }, ["PASSWORD_RESET"], "expired"],
  ] as const)("%s", (_label, input, purposes, expected) => {
    expect(tokenState(input, purposes, now)).toBe(expected);
  });

  it("R-ACC-1: a reset link lives 30 minutes", () => {
    expect(tokenLifetimeMs.PASSWORD_RESET).toBe(30 * 60_000);
  });

  it("R-ACC-2: the stored digest is not the token, and is stable", () => {
    const token = "a".repeat(43);
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["a mailed token", `${"A".repeat(42)}_`, true],
    ["one character short", "A".repeat(42), false],
    ["with a NUL byte", `${"A".repeat(42)}\u0000`, false],
    ["not a string", ["x"], false],
  ])("isTokenShaped: %s", (_label, token, expected) => {
    expect(isTokenShaped(token)).toBe(expected);
  });
});

describe("nextQuotaCount (R-ACC-4)", () => {
  const policy = { limit: 3, windowMs: 60_000 };
  it.each([
    ["the first request opens a window", null, now, { count: 1, windowStart: now }],
    ["within the window it counts up", { count: 2, windowStart: now }, later(59_999), { count: 3, windowStart: now }],
    [
      "after the window it starts again",
      { count: 9, windowStart: now },
      later(60_000),
      { count: 1, windowStart: later(60_000) },
    ],
  ])("%s", (_label, state, at, expected) => {
    expect(nextQuotaCount(state, at, policy)).toEqual(expected);
  });
});

describe("plainName (R-ACC-5)", () => {
  it.each([
    ["a plain name stays", "Zoé Martin-Dupont", "Zoé Martin-Dupont"],
    ["line breaks become spaces", "Zoé\n\nWin a prize", "Zoé Win a prize"],
    ["a link loses what makes it one", "Zoé http://evil.example/x", "Zoé http evil.example x"],
    ["an address loses its @", "Zoé <x@evil.example>", "Zoé x evil.example"],
  ])("%s", (_label, name, expected) => {
    expect(plainName(name)).toBe(expected);
  });
});

describe("passwordWeakness: the reason in the user's words", () => {
  it.each([
    ["strong enough", 3, null, null],
    ["a common password", 1, "topHundred", "passwordCommon"],
    ["a keyboard row", 0, "straightRow", "passwordPattern"],
    ["a year", 2, "recentYears", "passwordDates"],
    ["one word", 1, "wordByItself", "passwordWords"],
    ["the person's own name", 2, "userInputs", "passwordPersonal"],
    ["weak without a named reason", 2, null, "passwordWeak"],
    ["a warning the portal does not know", 1, "somethingNew", "passwordWeak"],
  ])("%s", (_label, score, warning, expected) => {
    expect(passwordWeakness(score as number, warning)).toBe(expected);
  });
});
