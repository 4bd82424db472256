"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { actionFor } from "@/lib/actions/chain";
import { signIn, signOut } from "@/lib/auth/config";
import { homePathByRole, safeCallbackPath } from "@/lib/auth/home";
import { ZSignIn } from "@/lib/auth/schemas";
import { revokeSession } from "@/lib/auth/service";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { redirectInLocale } from "@/lib/i18n/redirect";

export const signInAction = actionFor("auth.signIn")
  .input(ZSignIn)
  .action(async ({ input }) => {
    await openSession(input.email, input.password);
    const { role } = await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { role: true } });
    // A callback path carries its own locale (/en/…); it is used as it is.
    const callback = safeCallbackPath(input.callbackUrl);
    await redirectInLocale(callback ? stripLocale(callback) : homePathByRole[role]);
  });

export const signOutAction = actionFor("auth.signOut")
  .input(z.strictObject({}))
  .action(async ({ ctx }) => {
    await revokeSession(ctx.viewer.sessionId);
    await signOut({ redirect: false });
    await redirectInLocale("/");
  });

/** Runs the Credentials provider; its refusals come back as DomainErrors the form can show. */
async function openSession(email: string, password: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = "code" in error && typeof error.code === "string" ? error.code : "invalid";
    if (code.startsWith("throttled:")) {
      const minutes = Math.max(1, Math.ceil(Number(code.slice("throttled:".length)) / 60));
      throw new DomainError("signInThrottled", { minutes });
    }
    throw new DomainError("signInInvalid");
  }
}

function stripLocale(path: string): string {
  return path.replace(/^\/(fr|en)(?=\/|$)/, "") || "/";
}
