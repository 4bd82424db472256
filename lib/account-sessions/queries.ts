import "server-only";
import { browserLabel } from "@/lib/account-sessions/rules";
import { isSessionValid } from "@/lib/auth/rules";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * R-SEC-8: the viewer's own sessions that still open the portal, the current one first, then
 * the most recently seen. Ended, expired and idle ones are left out: nothing to end there.
 */
export async function listOwnSessions(viewer: Viewer) {
  const now = new Date();
  const [user, sessions] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { disabled: true, sessionsValidAfter: true } }),
    db.userSession.findMany({
      where: { userId: viewer.id, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { lastSeenAt: "desc" },
      select: {
        id: true,
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        revokedAt: true,
        userAgent: true,
        clientAddress: true,
      },
      take: 100,
    }),
  ]);
  const idleMs = env().SESSION_IDLE_MINUTES * 60_000;
  return sessions
    .filter((session) => isSessionValid(session, user, now, idleMs))
    .map((session) => ({
      id: session.id,
      current: session.id === viewer.sessionId,
      startedAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      clientAddress: session.clientAddress,
      ...browserLabel(session.userAgent),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
export type OwnSession = Awaited<ReturnType<typeof listOwnSessions>>[number];
