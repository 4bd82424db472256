import "server-only";
import { randomBytes } from "node:crypto";
import { hashToken, isTokenShaped, type TokenState, tokenLifetimeMs, tokenState } from "@/lib/accounts/rules";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

/**
 * The one door to mailed links, for this feature and for staff accounts (lib/users): issue a
 * link, and consume it in the transaction of the change it allows.
 */

/** A new link; the older unused links of the same purpose stop working (R-ACC-3). */
export async function issueToken(
  tx: Tx,
  userId: string,
  purpose: AccountTokenPurpose,
  email: string,
  now = new Date(),
): Promise<string> {
  await tx.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.create({
    data: {
      userId,
      purpose,
      tokenHash: hashToken(token),
      newEmail: email,
      expiresAt: new Date(now.getTime() + tokenLifetimeMs[purpose]),
      createdAt: now,
    },
  });
  return token;
}

/**
 * The first link of each of many accounts just created (a nominations import): none has an older
 * link to retire, so they are written at once. Returns the tokens by user id.
 */
export async function issueFirstTokens(
  tx: Tx,
  users: { id: string; email: string }[],
  purpose: AccountTokenPurpose,
  now = new Date(),
): Promise<Map<string, string>> {
  const tokens = new Map(users.map((user) => [user.id, randomBytes(32).toString("base64url")]));
  // One statement over arrays: thousands of links in one round trip.
  await tx.$executeRaw`
    INSERT INTO "AccountToken" ("id", "userId", "purpose", "tokenHash", "newEmail", "expiresAt", "createdAt")
    SELECT gen_random_uuid(), t.user_id, ${purpose}::"AccountTokenPurpose", t.hash, t.email,
      ${new Date(now.getTime() + tokenLifetimeMs[purpose])}, ${now}
    FROM unnest(${users.map((user) => user.id)}::uuid[], ${users.map((user) => hashToken(tokens.get(user.id)!))}::text[],
      ${users.map((user) => user.email)}::text[]) AS t(user_id, hash, email)`;
  return tokens;
}

/**
 * Marks the link used and returns it, or refuses with "linkInvalid" (R-ACC-1). The guarded
 * update makes two parallel uses of one link end with one winner.
 */
export async function consumeTokenOrThrow(
  tx: Tx,
  token: unknown,
  purposes: readonly AccountTokenPurpose[],
  now = new Date(),
) {
  if (!isTokenShaped(token)) throw new DomainError("linkInvalid");
  const tokenHash = hashToken(token);
  const claimed = await tx.accountToken.updateMany({
    where: { tokenHash, purpose: { in: [...purposes] }, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) throw new DomainError("linkInvalid");
  return tx.accountToken.findUniqueOrThrow({
    where: { tokenHash },
    select: { userId: true, purpose: true, newEmail: true },
  });
}

/** What a link's page shows before anything is sent: open, or why not. */
export async function readTokenState(
  token: unknown,
  purposes: readonly AccountTokenPurpose[],
  now = new Date(),
): Promise<{ state: TokenState; purpose?: AccountTokenPurpose }> {
  if (!isTokenShaped(token)) return { state: "unknown" };
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, expiresAt: true, usedAt: true },
  });
  const state = tokenState(row, purposes, now);
  return state === "unknown" ? { state } : { state, purpose: row?.purpose };
}
