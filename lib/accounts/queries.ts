import "server-only";
import { readTokenState } from "@/lib/accounts/tokens";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

/** Whether a link's page can offer its form, or must say the link no longer opens anything. */
export function linkStateOf(token: unknown, purposes: readonly AccountTokenPurpose[]) {
  return readTokenState(token, purposes);
}

/** The viewer's own account, for the "My account" page and the dossier's verification notice. */
export async function ownAccountOf(viewer: Viewer) {
  return db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { email: true, name: true, emailVerifiedAt: true },
  });
}
