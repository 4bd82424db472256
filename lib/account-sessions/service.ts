import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/**
 * R-SEC-8: ends one of the viewer's own sessions. Found by id AND owner: another person's
 * session answers "not found", like one that does not exist. Ending the current one is
 * signing out.
 */
export async function endOwnSession(viewer: Viewer, sessionId: string, requestId?: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({
      where: { id: sessionId, userId: viewer.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (ended.count === 0) throw new NotFoundError();
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "session.close",
      entityType: "User",
      entityId: viewer.id,
      requestId,
    });
  });
}

/** R-SEC-8: ends every session of the viewer's but the one making the request. */
export async function endOtherSessions(viewer: Viewer, requestId?: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({
      where: { userId: viewer.id, revokedAt: null, id: { not: viewer.sessionId } },
      data: { revokedAt: new Date() },
    });
    if (ended.count > 0) {
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "session.closeOthers",
        entityType: "User",
        entityId: viewer.id,
        after: { ended: ended.count },
        requestId,
      });
    }
    return ended.count;
  });
}
