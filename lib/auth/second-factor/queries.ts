import "server-only";
import QRCode from "qrcode";
import { base32Encode, otpauthUri } from "@/lib/auth/second-factor/rules";
import { openSecret } from "@/lib/auth/second-factor/seal";
import { db } from "@/lib/db";

/** The authenticator app shows this name above the account's codes. */
const issuerName = "AMU Exchange";

/** Whether the person (the viewer, or a pending sign-in's owner) has a confirmed second factor. */
export async function secondFactorStatusOf(person: { id: string }) {
  const factor = await db.secondFactor.findUnique({
    where: { userId: person.id },
    select: { confirmedAt: true, recoveryCodes: { where: { usedAt: null }, select: { id: true } } },
  });
  return factor?.confirmedAt
    ? { enrolled: true as const, since: factor.confirmedAt, recoveryCodesLeft: factor.recoveryCodes.length }
    : { enrolled: false as const };
}

/**
 * The secret being enrolled by this person (unconfirmed), as the QR code to scan and the text
 * to type by hand; null when no enrolment is started.
 */
export async function enrolmentOf(person: { id: string; email: string }) {
  const factor = await db.secondFactor.findUnique({
    where: { userId: person.id },
    select: { secretSealed: true, confirmedAt: true },
  });
  if (!factor || factor.confirmedAt) return null;
  const secret = base32Encode(openSecret(factor.secretSealed));
  const qrSvg = await QRCode.toString(otpauthUri(secret, person.email, issuerName), { type: "svg", margin: 1 });
  // Groups of four, as authenticator apps show and accept them.
  return { secret: secret.replace(/(.{4})(?=.)/g, "$1 "), qrSvg };
}
