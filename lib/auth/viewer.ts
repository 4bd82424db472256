import "server-only";
import { cache } from "react";
import { isSessionValid } from "@/lib/auth/rules";
import { sessionIdFromCookie } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/client";

export interface Viewer {
  id: string;
  sessionId: string;
  email: string;
  name: string;
  role: Role;
  locale: "fr" | "en";
  /** Whether the owner confirmed their address (R-ACC-7), read with the rest of the viewer. */
  emailVerified: boolean;
  /** The components a correspondent reviews for (empty for others). */
  componentIds: string[];
}

/** What decides whether a session row still opens anything (lib/auth/rules.ts isSessionValid, R-MFA-4). */
export const sessionStateSelect = {
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  revokedAt: true,
  pendingStep: true,
} as const;

// lastSeenAt is written at most this often, so a busy page does not write on every request.
const touchEveryMs = 60_000;

interface ViewerRow {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  pendingStep: string | null;
  userId: string;
  email: string;
  name: string;
  role: Role;
  locale: "fr" | "en";
  disabled: boolean;
  sessionsValidAfter: Date;
  emailVerifiedAt: Date | null;
  componentIds: string[];
}

/**
 * The signed-in person, re-read from the database on every request (once per request thanks
 * to cache): a JWT only names the session; its revocation, the user's role, disabled flag and
 * components take effect at once. One SQL round trip: the session, its user and the user's
 * components together.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return null;
  const [row] = await db.$queryRaw<ViewerRow[]>`
    SELECT s."createdAt", s."lastSeenAt", s."expiresAt", s."revokedAt", s."pendingStep"::text AS "pendingStep",
      u.id AS "userId", u.email, u.name,
      u.role::text AS role, u.locale::text AS locale, u.disabled, u."sessionsValidAfter", u."emailVerifiedAt",
      ARRAY(SELECT cc."A"::text FROM "_ComponentCorrespondents" cc WHERE cc."B" = u.id) AS "componentIds"
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}`;
  const now = new Date();
  // R-MFA-4: a session still waiting for its second factor (or its enrolment) opens nothing.
  if (!row || row.pendingStep || !isSessionValid(row, row, now, env().SESSION_IDLE_MINUTES * 60_000)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMs) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    id: row.userId,
    sessionId,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    emailVerified: row.emailVerifiedAt !== null,
    componentIds: row.role === "CORRESPONDENT" ? row.componentIds : [],
  };
});
