/**
 * Pure rules of the second factor: TOTP codes (RFC 6238 on RFC 4226's HOTP), the window and
 * the replay rule, recovery codes, and who must have a second factor. No I/O here (the HMAC is
 * a computation); lib/auth/second-factor/service.ts applies them.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";

export const totpPolicy = { periodSeconds: 30, digits: 6, window: 1, secretBytes: 20 } as const;

export type TotpAlgorithm = "sha1" | "sha256" | "sha512";

/** The time-step of an instant: whole periods since the Unix epoch (RFC 6238 §4.2, T0 = 0). */
export function timeStep(now: Date, periodSeconds: number = totpPolicy.periodSeconds): number {
  return Math.floor(now.getTime() / 1000 / periodSeconds);
}

/** HOTP (RFC 4226 §5.3) of one counter: dynamic truncation of the HMAC, then the low digits. */
export function totpCode(
  secret: Uint8Array,
  step: number,
  digits: number = totpPolicy.digits,
  algorithm: TotpAlgorithm = "sha1",
): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac(algorithm, secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

export type TotpMatch = { ok: true; step: number } | { ok: false; reason: "wrong" | "replayed" };

/**
 * R-MFA-1: the code of the current step or one step either side is accepted. R-MFA-2: a step
 * at or before the last accepted one is refused as a replay, so a code seen over a shoulder
 * cannot be typed again. The candidates are all compared (constant work per attempt).
 */
export function matchTotp(secret: Uint8Array, code: string, now: Date, lastUsedStep: number | null): TotpMatch {
  const current = timeStep(now);
  const typed = Buffer.from(code);
  let matched: number | null = null;
  let replayed = false;
  for (let step = current - totpPolicy.window; step <= current + totpPolicy.window; step++) {
    const expected = Buffer.from(totpCode(secret, step));
    if (expected.length !== typed.length || !timingSafeEqual(expected, typed)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) replayed = true;
    else matched ??= step;
  }
  if (matched !== null) return { ok: true, step: matched };
  return { ok: false, reason: replayed ? "replayed" : "wrong" };
}

const base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding: how authenticator apps take a secret typed by hand. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32Alphabet[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Uint8Array {
  const clean = text.replace(/[\s=-]/g, "").toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char);
    if (index < 0) throw new Error("Not base32");
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export function newTotpSecret(): Uint8Array {
  return randomBytes(totpPolicy.secretBytes);
}

/** The otpauth:// URI the QR code carries (Key Uri Format read by authenticator apps). */
export function otpauthUri(secretBase32: string, account: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const query = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: "SHA1",
    digits: String(totpPolicy.digits),
    period: String(totpPolicy.periodSeconds),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/** What a person typed, without the spaces an app shows in the middle of a code. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, "").toLowerCase();
}

export function isTotpShape(normalised: string): boolean {
  return new RegExp(`^\\d{${totpPolicy.digits}}$`).test(normalised);
}

// Letters and digits that cannot be misread for one another (no 0/o, 1/l/i).
const recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
export const recoveryCodePolicy = { count: 10, length: 10 } as const;

/** R-MFA-3: ten codes of ten characters (about 49 bits each), shown as "abcde-fghjk". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodePolicy.count }, () => {
    // randomInt draws without the modulo bias of a byte taken modulo 31.
    const chars = Array.from({ length: recoveryCodePolicy.length }, () => recoveryAlphabet[randomInt(31)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function isRecoveryCodeShape(normalised: string): boolean {
  return new RegExp(`^[${recoveryAlphabet}]{${recoveryCodePolicy.length}}$`).test(normalised);
}

export type SecondFactorMode = "required" | "optional";

/**
 * R-MFA-4: what a password sign-in still needs once the password is right. Whoever enrolled
 * types a code, whatever the mode; staff without one enrol first when the mode requires it.
 */
export function stepAfterPassword(
  role: Role,
  enrolled: boolean,
  mode: SecondFactorMode,
): "SECOND_FACTOR" | "ENROLMENT" | null {
  if (enrolled) return "SECOND_FACTOR";
  if (mode === "required" && role !== "STUDENT") return "ENROLMENT";
  return null;
}

/** R-MFA-4: whether a person may switch their second factor off themselves. */
export function mayDisableSecondFactor(role: Role, mode: SecondFactorMode): boolean {
  return role === "STUDENT" || mode === "optional";
}
