import { describe, expect, it } from "vitest";
import { applicationYears } from "@/lib/academic-year";
import { ZQueueQuery, ZStudyStep } from "@/lib/applications/schemas";
import { resolveClientAddress } from "@/lib/auth/client-address";
import { safeCallbackPath } from "@/lib/auth/home";
import { ZSignIn } from "@/lib/auth/schemas";
import { hasControlCharacters } from "@/lib/security/control-characters";
import { contentSecurityPolicy, staticContentSecurityPolicy } from "@/lib/security/csp";

describe("R-SEC-3: the client address", () => {
  it.each([
    ["no proxy trusted: the socket, whatever the header says", "10.0.0.9", "1.2.3.4", 0, "10.0.0.9"],
    ["no proxy trusted, no header", "10.0.0.9", null, 0, "10.0.0.9"],
    [
      "one proxy: the entry it appended, not the forged one before it",
      "10.0.0.1",
      "6.6.6.6, 203.0.113.7",
      1,
      "203.0.113.7",
    ],
    ["two proxies: the second entry from the right", "10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2, "203.0.113.7"],
    ["a trusted proxy that sent no header: the socket", "10.0.0.1", null, 1, "10.0.0.1"],
    ["no socket address known", null, "1.2.3.4", 0, "unknown"],
  ])("%s", (_case, socket, forwarded, trusted, expected) => {
    expect(resolveClientAddress(socket, forwarded, trusted)).toBe(expected);
  });
});

describe("R-SEC-5: the Content-Security-Policy", () => {
  it("forbids <base> altogether and keeps the nonce", () => {
    const policy = contentSecurityPolicy("abc");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("'nonce-abc'");
  });

  it("R-SSO-1: forms post only here, and to the identity provider's origin when single sign-on is configured", () => {
    expect(contentSecurityPolicy("abc")).toContain("form-action 'self';");
    expect(contentSecurityPolicy("abc", { ssoIssuer: "https://idp.univ.fr/realms/amu" })).toContain(
      "form-action 'self' https://idp.univ.fr;",
    );
    expect(contentSecurityPolicy("abc", { ssoIssuer: "not a url" })).toContain("form-action 'self';");
  });
});

describe("R-SEC-6: control characters", () => {
  it.each([
    ["a NUL", "a\u0000b", true],
    ["a line break", "/fr/dossier\r\nSet-Cookie: x=1", true],
    ["DEL", "a\u007f", true],
    ["plain text with accents", "Zoë Ångström", false],
  ])("%s", (_case, text, expected) => {
    expect(hasControlCharacters(text)).toBe(expected);
  });

  it("a callback with a line break is not followed, and the sign-in form refuses it before opening a session", () => {
    expect(safeCallbackPath("/fr/dossier\nx")).toBeNull();
    expect(safeCallbackPath("/fr/dossier")).toBe("/fr/dossier");
    const parsed = ZSignIn.safeParse({ email: "a@example.org", password: "x", callbackUrl: "/fr\r\n" });
    expect(parsed.success).toBe(false);
  });

  it("the queue's search and cursor with a NUL read as none", () => {
    expect(ZQueueQuery.parse({ q: "ab\u0000", after: "x\u0000" })).toMatchObject({ q: undefined, after: undefined });
    expect(ZQueueQuery.parse({ q: "smith" })).toMatchObject({ q: "smith" });
  });
});

describe("R-SEC-7: the academic years an application may be made for", () => {
  const now = new Date();
  const [current, next] = applicationYears(now);
  const step = (academicYear: number) => ({
    componentId: "00000000-0000-4000-8000-000000000000",
    studyLevel: "MASTER",
    period: "S1",
    academicYear: String(academicYear),
    courseTitle: "Optics",
    courseEcts: "6",
    courseSemester: "S1",
  });

  it("the current and the next year, as the form offers them", () => {
    expect(next).toBe(current + 1);
    expect(applicationYears(new Date("2026-08-31T12:00:00Z"))).toEqual([2025, 2026]);
    expect(applicationYears(new Date("2026-09-01T12:00:00Z"))).toEqual([2026, 2027]);
  });

  it.each([
    ["last year (ended)", -1, false],
    ["this year", 0, true],
    ["next year", 1, true],
    ["in two years", 2, false],
  ])("%s", (_case, offset, accepted) => {
    expect(ZStudyStep.safeParse(step(current + offset)).success).toBe(accepted);
  });
});

describe("R-SEC-5: the policy of API routes", () => {
  it("is the pages' policy without nonce or inline scripts", () => {
    const policy = staticContentSecurityPolicy();
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain("nonce");
  });
});
