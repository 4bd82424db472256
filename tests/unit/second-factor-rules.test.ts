import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  isRecoveryCodeShape,
  isTotpShape,
  matchTotp,
  mayDisableSecondFactor,
  newRecoveryCodes,
  normaliseCode,
  otpauthUri,
  stepAfterPassword,
  timeStep,
  totpCode,
} from "@/lib/auth/second-factor/rules";

// RFC 6238 Appendix B: the seeds are the ASCII strings "1234567890" repeated to the hash's size.
const seed = (length: number) => Buffer.from("1234567890".repeat(7).slice(0, length), "ascii");
const seeds = { sha1: seed(20), sha256: seed(32), sha512: seed(64) } as const;

describe("R-MFA-1: TOTP codes are RFC 6238's (Appendix B test vectors, 8 digits)", () => {
  it.each([
    [59, "94287082", "46119246", "90693936"],
    [1111111109, "07081804", "68084774", "25091201"],
    [1111111111, "14050471", "67062674", "99943326"],
    [1234567890, "89005924", "91819424", "93441116"],
    [2000000000, "69279037", "90698825", "38618901"],
    [20000000000, "65353130", "77737706", "47863826"],
  ])("at %i s", (seconds, sha1, sha256, sha512) => {
    const step = timeStep(new Date(seconds * 1000));
    expect(totpCode(seeds.sha1, step, 8, "sha1")).toBe(sha1);
    expect(totpCode(seeds.sha256, step, 8, "sha256")).toBe(sha256);
    expect(totpCode(seeds.sha512, step, 8, "sha512")).toBe(sha512);
  });

  it("the 6-digit code is the 8-digit one's last six digits", () => {
    expect(totpCode(seeds.sha1, timeStep(new Date(59_000)))).toBe("287082");
  });
});

describe("R-MFA-1, R-MFA-2: the window and the replay rule", () => {
  const secret = seeds.sha1;
  const now = new Date(1_111_111_111_000);
  const step = timeStep(now);
  const codeAt = (offset: number) => totpCode(secret, step + offset);

  it.each([
    ["the current step", 0, null, { ok: true, step }],
    ["the previous step (clock behind)", -1, null, { ok: true, step: step - 1 }],
    ["the next step (clock ahead)", 1, null, { ok: true, step: step + 1 }],
    ["two steps back: outside the window", -2, null, { ok: false, reason: "wrong" }],
    ["two steps ahead: outside the window", 2, null, { ok: false, reason: "wrong" }],
    ["the step already used", 0, step, { ok: false, reason: "replayed" }],
    ["an earlier step than the one used", -1, step, { ok: false, reason: "replayed" }],
    ["a later step than the one used", 1, step, { ok: true, step: step + 1 }],
  ] as const)("%s", (_name, offset, lastUsed, expected) => {
    expect(matchTotp(secret, codeAt(offset), now, lastUsed)).toEqual(expected);
  });

  it("a wrong code, of the wrong length too, is wrong", () => {
    const wrong = String((Number(codeAt(0)) + 1) % 1_000_000).padStart(6, "0");
    expect(matchTotp(secret, wrong, now, null)).toEqual({ ok: false, reason: "wrong" });
    expect(matchTotp(secret, "12345", now, null)).toEqual({ ok: false, reason: "wrong" });
  });
});

describe("secrets and the QR code's URI", () => {
  it("base32 is RFC 4648's (its test vectors, without padding) and round-trips", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Encode(Buffer.from("f"))).toBe("MY");
    expect(Buffer.from(base32Decode("mzxw 6ytb oi")).toString()).toBe("foobar");
    const bytes = Uint8Array.from({ length: 20 }, (_, index) => index * 13);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it("the URI names the issuer and the account, and carries the parameters apps expect", () => {
    const uri = new URL(otpauthUri("MZXW6YTBOI", "ana@example.org", "AMU Exchange"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/AMU Exchange:ana@example.org");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: "MZXW6YTBOI",
      issuer: "AMU Exchange",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});

describe("R-MFA-3: recovery codes", () => {
  it("ten distinct codes, each readable and of the recovery shape once normalised", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(isRecoveryCodeShape(normaliseCode(code))).toBe(true);
      expect(isTotpShape(normaliseCode(code))).toBe(false);
    }
  });

  it.each([
    ["123 456", "123456", true, false],
    ["ABCDE-FGHJK", "abcdefghjk", false, true],
    ["abcde fghj0", "abcdefghj0", false, false],
  ])("%s reads as %s", (typed, normalised, totp, recovery) => {
    expect(normaliseCode(typed)).toBe(normalised);
    expect(isTotpShape(normalised)).toBe(totp);
    expect(isRecoveryCodeShape(normalised)).toBe(recovery);
  });
});

describe("R-MFA-4: who needs a second factor after the password", () => {
  it.each([
    ["STUDENT", false, "required", null],
    ["STUDENT", true, "required", "SECOND_FACTOR"],
    ["CORRESPONDENT", false, "required", "ENROLMENT"],
    ["ADMIN", false, "required", "ENROLMENT"],
    ["CORRESPONDENT", false, "optional", null],
    ["CORRESPONDENT", true, "optional", "SECOND_FACTOR"],
    ["ADMIN", true, "required", "SECOND_FACTOR"],
  ] as const)("%s, enrolled %s, mode %s → %s", (role, enrolled, mode, step) => {
    expect(stepAfterPassword(role, enrolled, mode)).toBe(step);
  });

  it.each([
    ["STUDENT", "required", true],
    ["CORRESPONDENT", "required", false],
    ["ADMIN", "optional", true],
  ] as const)("%s may switch it off in mode %s: %s", (role, mode, allowed) => {
    expect(mayDisableSecondFactor(role, mode)).toBe(allowed);
  });
});
