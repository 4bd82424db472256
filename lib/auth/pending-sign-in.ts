import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth/config";
import { isSessionValid } from "@/lib/auth/rules";
import { sessionStateSelect } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Role, SignInStep } from "@/lib/generated/prisma/client";

/** A password sign-in that still lacks its second step, named by this browser's cookie. */
export interface PendingSignIn {
  sessionId: string;
  userId: string;
  email: string;
  role: Role;
  step: SignInStep;
}

/** The second step must follow the password soon: an abandoned half sign-in ends by itself. */
export const pendingSignInMinutes = 10;

export const getPendingSignIn = cache(async (): Promise<PendingSignIn | null> => {
  const sessionId = (await auth())?.sid;
  if (!sessionId) return null;
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      ...sessionStateSelect,
      user: { select: { id: true, email: true, role: true, disabled: true, sessionsValidAfter: true } },
    },
  });
  const now = new Date();
  if (!row?.pendingStep || !isSessionValid(row, row.user, now, pendingSignInMinutes * 60_000)) return null;
  if (now.getTime() - row.createdAt.getTime() > pendingSignInMinutes * 60_000) return null;
  return { sessionId, userId: row.user.id, email: row.user.email, role: row.user.role, step: row.pendingStep };
});
