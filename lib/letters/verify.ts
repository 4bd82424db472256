import "server-only";
import { db } from "@/lib/db";
import { afterVerifyMiss, normaliseVerificationCode, verifyWaitMs } from "@/lib/letters/rules";

/**
 * The public check of a letter by its code (the /verify page). It answers only what the letter
 * itself prints (kind, name, dates, issue date) plus whether it still holds and the SHA-256 of
 * its file. Unknown codes count against the client's address (R-LET-5); a code of the wrong
 * shape is refused before any lookup and is not counted (it cannot be a guess at a real one).
 */
export type VerifyOutcome =
  | { outcome: "malformed" }
  | { outcome: "throttled"; retryAfterSeconds: number }
  | { outcome: "unknown" }
  | {
      outcome: "found";
      letter: {
        code: string;
        kind: "ACCEPTANCE" | "ARRIVAL_CERTIFICATE" | "ATTENDANCE_CERTIFICATE";
        locale: string;
        studentName: string;
        periodStart: Date | null;
        periodEnd: Date | null;
        issuedAt: Date;
        replacedAt: Date | null;
        sha256: string;
      };
    };

export async function verifyLetterCode(input: string, clientAddress: string, now = new Date()): Promise<VerifyOutcome> {
  const code = normaliseVerificationCode(input);
  if (!code) return { outcome: "malformed" };
  const key = `verify:${clientAddress}`;
  const state = await db.letterVerifyThrottle.findUnique({ where: { key } });
  const waitMs = verifyWaitMs(state, now);
  if (waitMs > 0) return { outcome: "throttled", retryAfterSeconds: Math.ceil(waitMs / 1000) };

  const letter = await db.letter.findUnique({
    where: { code },
    select: {
      code: true,
      kind: true,
      locale: true,
      studentName: true,
      periodStart: true,
      periodEnd: true,
      issuedAt: true,
      replacedAt: true,
      sha256: true,
    },
  });
  if (letter) return { outcome: "found", letter };
  await recordMiss(key, now);
  return { outcome: "unknown" };
}

async function recordMiss(key: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "LetterVerifyThrottle" (key, misses, "windowStart") VALUES (${key}, 0, ${now}) ON CONFLICT (key) DO NOTHING`;
    const [current] = await tx.$queryRaw<{ misses: number; windowStart: Date }[]>`
      SELECT misses, "windowStart" FROM "LetterVerifyThrottle" WHERE key = ${key} FOR UPDATE`;
    // A row just inserted by this miss has no misses yet: it starts the window now.
    const next = afterVerifyMiss(current && current.misses > 0 ? current : null, now);
    await tx.letterVerifyThrottle.update({ where: { key }, data: next });
  });
}
