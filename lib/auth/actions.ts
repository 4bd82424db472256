"use server";

import { AuthError } from "next-auth";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { actionFor } from "@/lib/actions/chain";
import { signIn, signOut, ssoProviderId } from "@/lib/auth/config";
import { homePathByRole, pathWithoutLocale, safeCallbackPath } from "@/lib/auth/home";
import { ZSignIn } from "@/lib/auth/schemas";
import { revokeSession } from "@/lib/auth/service";
import { ssoSettings } from "@/lib/auth/sso/settings";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { redirectInLocale } from "@/lib/i18n/redirect";

export const signInAction = actionFor("auth.signIn")
  .input(ZSignIn)
  .action(async ({ input }) => {
    await openSession(input.email, input.password);
    const { role, sessions } = await db.user.findUniqueOrThrow({
      where: { email: input.email },
      select: { role: true, sessions: { orderBy: { createdAt: "desc" }, take: 1, select: { pendingStep: true } } },
    });
    const callback = safeCallbackPath(input.callbackUrl);
    // R-MFA-4: the password was only the first step; the next page checks the session itself.
    const pendingStep = sessions[0]?.pendingStep;
    if (pendingStep) {
      const pathname = pendingStep === "ENROLMENT" ? "/login/second-factor/setup" : "/login/second-factor";
      await redirectInLocale({ pathname, query: callback ? { callbackUrl: callback } : {} });
    }
    await redirectInLocale(callback ? pathWithoutLocale(callback) : homePathByRole[role]);
  });

/**
 * R-SSO-1: off to the identity provider. next-auth sets the state, PKCE verifier and nonce
 * cookies and redirects; the provider comes back to /api/auth/callback/sso, and the person
 * lands on /login/continue, which sends each role home. The return path is named returnTo: the
 * page's password form already has a callbackUrl.
 */
export const signInWithSsoAction = actionFor("auth.signInWithSso")
  .input(z.strictObject({ returnTo: ZSignIn.shape.callbackUrl }))
  .action(async ({ input }) => {
    if (!ssoSettings()) throw new DomainError("ssoUnavailable");
    const callback = safeCallbackPath(input.returnTo);
    const query = callback ? `?${new URLSearchParams({ callbackUrl: callback })}` : "";
    await signIn(ssoProviderId, { redirectTo: `/${await getLocale()}/login/continue${query}` });
  });

export const signOutAction = actionFor("auth.signOut")
  .input(z.strictObject({}))
  .action(async ({ ctx }) => {
    const session = await db.userSession.findUnique({ where: { id: ctx.viewer.sessionId }, select: { method: true } });
    await revokeSession(ctx.viewer.sessionId);
    await signOut({ redirect: false });
    // After a single sign-on, the provider's own session may still be open: the page offers its way out.
    await redirectInLocale(session?.method === "SSO" ? "/signed-out" : "/");
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
