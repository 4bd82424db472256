import { randomBytes } from "node:crypto";

/** An e-mail no other test uses, so tests can share the run's database. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(6).toString("hex")}@example.org`;
}

/** A client address no other test uses (for the per-address throttle). */
export function uniqueAddress(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

export const strongPassword = "a long enough passphrase";
