/**
 * Prints the current TOTP code of a secret, as an authenticator app would: for trying the
 * demo's second factor without a phone (README "Second factor").
 *
 *   npx tsx scripts/totp-code.ts "ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567"
 */
import { base32Decode, timeStep, totpCode } from "../lib/auth/second-factor/rules.ts";

const secret = process.argv.slice(2).join("");
if (!secret) {
  console.error('Usage: npx tsx scripts/totp-code.ts "<secret key shown on the set-up page>"');
  process.exit(2);
}
const now = new Date();
const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
console.log(`${totpCode(base32Decode(secret), timeStep(now))}  (valid ${secondsLeft} s more)`);
