/**
 * Issue 20: pages read the session id from the cookie with Auth.js's own decode instead of
 * auth(). The checks must stay those of Auth.js: a token encrypted with another secret, an
 * altered one or an expired one names no session.
 */
import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));

const secret = "a-test-secret-of-at-least-thirty-two-characters";
vi.stubEnv("AUTH_SECRET", secret);
vi.stubEnv("DATABASE_URL", "postgresql://unused@localhost/unused");

const { sessionIdFromCookie } = await import("@/lib/auth/session-cookie");
const cookieName = "authjs.session-token";
const token = (options: { secret?: string; maxAge?: number; salt?: string } = {}) =>
  encode({
    token: { sub: "user-1", sid: "session-1" },
    secret: options.secret ?? secret,
    salt: options.salt ?? cookieName,
    maxAge: options.maxAge ?? 3600,
  });

beforeEach(() => jar.clear());
afterEach(() => vi.useRealTimers());

describe("the session id from the cookie", () => {
  it("reads the id of a token Auth.js issued", async () => {
    jar.set(cookieName, await token());
    expect(await sessionIdFromCookie()).toBe("session-1");
  });

  it("reads the __Secure- cookie used over HTTPS", async () => {
    jar.set(`__Secure-${cookieName}`, await token({ salt: `__Secure-${cookieName}` }));
    expect(await sessionIdFromCookie()).toBe("session-1");
  });

  it.each([
    ["no cookie", async () => undefined],
    ["a token encrypted with another secret", () => token({ secret: "another-secret-of-at-least-thirty-two-chars" })],
    ["an altered token", async () => `${(await token()).slice(0, -4)}AAAA`],
    ["an expired token", () => token({ maxAge: -60 })],
    ["a token made for another cookie (salt)", () => token({ salt: "authjs.csrf-token" })],
    ["garbage", async () => "not-a-token"],
  ])("names no session for %s", async (_case, make) => {
    const value = await make();
    if (value) jar.set(cookieName, value);
    expect(await sessionIdFromCookie()).toBeNull();
  });

  it("checks a token it already read against its expiry again on every request (plus Auth.js's 15 s leeway)", async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    jar.set(cookieName, await token({ maxAge: 60 }));
    expect(await sessionIdFromCookie()).toBe("session-1");
    vi.advanceTimersByTime(70_000);
    expect(await sessionIdFromCookie()).toBe("session-1");
    vi.advanceTimersByTime(10_000);
    expect(await sessionIdFromCookie()).toBeNull();
  });

  it("does not take a token it read under one cookie name for another (its salt)", async () => {
    const value = await token();
    jar.set(cookieName, value);
    expect(await sessionIdFromCookie()).toBe("session-1");
    jar.clear();
    jar.set(`__Secure-${cookieName}`, value);
    expect(await sessionIdFromCookie()).toBeNull();
  });
});
