import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth/config";
import { isSessionValid } from "@/lib/auth/rules";
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

/**
 * The signed-in person, re-read from the database on every request (once per request thanks
 * to cache): a JWT only names the session; its revocation, the user's role, disabled flag and
 * components take effect at once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const sessionId = session?.sid;
  if (!sessionId) return null;
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      ...sessionStateSelect,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          locale: true,
          disabled: true,
          sessionsValidAfter: true,
          components: { select: { id: true } },
        },
      },
    },
  });
  const now = new Date();
  // R-MFA-4: a session still waiting for its second factor (or its enrolment) opens nothing.
  if (!row || row.pendingStep || !isSessionValid(row, row.user, now, env().SESSION_IDLE_MINUTES * 60_000)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMs) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const { user } = row;
  return {
    id: user.id,
    sessionId,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    componentIds: user.role === "CORRESPONDENT" ? user.components.map((component) => component.id) : [],
  };
});
