import { describe, expect, it } from "vitest";
import { listOwnSessions } from "@/lib/account-sessions/queries";
import { endOtherSessions, endOwnSession } from "@/lib/account-sessions/service";
import { signInWithPassword } from "@/lib/auth/service";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createStudentWithPassword } from "./fixtures";
import { strongPassword, uniqueAddress, uniqueEmail } from "./helpers";

/** A person signed in from `count` browsers; the viewer stands for the first. */
async function signedInThrice(count = 3) {
  const email = uniqueEmail("sessions");
  const user = await createStudentWithPassword(email, strongPassword, "Sessions");
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const outcome = await signInWithPassword(email, strongPassword, {
      address: uniqueAddress(),
      userAgent: i === 0 ? "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0" : "Mozilla/5.0 (iPhone) Safari/604.1",
    });
    if (!outcome.ok) throw new Error("sign-in failed");
    ids.push(outcome.sessionId);
  }
  const viewer: Viewer = {
    id: user.id,
    sessionId: ids[0]!,
    email,
    name: user.name,
    role: "STUDENT",
    locale: "en",
    emailVerified: true,
    componentIds: [],
  };
  return { viewer, ids };
}

describe("R-SEC-8: my sessions", () => {
  it("lists the open sessions, this one first, with browser and address", async () => {
    const { viewer, ids } = await signedInThrice();
    const sessions = await listOwnSessions(viewer);
    expect(sessions.map((session) => session.id).sort()).toEqual([...ids].sort());
    expect(sessions[0]).toMatchObject({ id: ids[0], current: true, browser: "Firefox", system: "Linux" });
    expect(sessions[0]!.clientAddress).toMatch(/^10\./);
  });

  it("ends one session, which then leaves the list; another person's session answers 'not found' and stays open", async () => {
    const { viewer, ids } = await signedInThrice();
    const stranger = await signedInThrice(1);
    await endOwnSession(viewer, ids[1]!);
    expect((await listOwnSessions(viewer)).map((session) => session.id)).not.toContain(ids[1]);
    await expect(endOwnSession(viewer, stranger.ids[0]!)).rejects.toBeInstanceOf(NotFoundError);
    const theirs = await db.userSession.findUniqueOrThrow({ where: { id: stranger.ids[0]! } });
    expect(theirs.revokedAt).toBeNull();
  });

  it("ends every other session, keeps this one, and writes one audit event", async () => {
    const { viewer, ids } = await signedInThrice();
    expect(await endOtherSessions(viewer)).toBe(2);
    expect((await listOwnSessions(viewer)).map((session) => session.id)).toEqual([ids[0]]);
    const events = await db.auditEvent.count({ where: { entityId: viewer.id, action: "session.closeOthers" } });
    expect(events).toBe(1);
  });
});
