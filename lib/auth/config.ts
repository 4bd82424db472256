import "server-only";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { requestClient } from "@/lib/auth/request-client";
import { ZSignIn } from "@/lib/auth/schemas";
import { signInWithPassword } from "@/lib/auth/service";
import { identityFromClaims } from "@/lib/auth/sso/rules";
import { openSsoSession } from "@/lib/auth/sso/service";
import { ssoSettings } from "@/lib/auth/sso/settings";
import { env } from "@/lib/env";
import { logError, logWarn } from "@/lib/log";

declare module "@auth/core/jwt" {
  interface JWT {
    /** The UserSession row this cookie stands for: the truth lives there, not in the token. */
    sid?: string;
  }
}

declare module "next-auth" {
  interface User {
    sid?: string;
  }
  interface Session {
    sid?: string;
  }
}

export const ssoProviderId = "sso";
const ssoRefusedPath = "/login/sso-refused";

/**
 * R-SSO-1: the generic OpenID Connect provider, when configured. Authorization-code flow with
 * PKCE, state and nonce; the claims are read from the userinfo endpoint (whose subject
 * oauth4webapi checks against the ID token's), where providers put e-mail and groups.
 */
function ssoProviders(): Provider[] {
  const settings = ssoSettings();
  if (!settings) return [];
  return [
    {
      id: ssoProviderId,
      name: settings.label ?? "SSO",
      type: "oidc",
      issuer: settings.issuer,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      checks: ["pkce", "state", "nonce"],
      idToken: false,
      authorization: { params: { scope: settings.scopes } },
      // Only the subject matters to next-auth here; the signIn callback reads the claims.
      profile: (claims) => ({ id: String(claims.sub) }),
    },
  ];
}

/** Carries the reason of a refused sign-in to the action, which words it for the user. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: env().SESSION_ABSOLUTE_HOURS * 3600 },
  // A refused or broken single sign-on lands on a page in the user's language (R-SSO-4).
  pages: { signIn: "/login", error: ssoRefusedPath },
  logger: {
    // A refused sign-in is an expected outcome, answered to the user: one line, no stack.
    error(error) {
      if (error instanceof CredentialsSignin) {
        logWarn("signin.refused", { reason: error.code });
        return;
      }
      logError("auth.error", { error });
    },
  },
  providers: [
    ...ssoProviders(),
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = ZSignIn.safeParse({ email: credentials.email, password: credentials.password });
        if (!parsed.success) throw new SignInRefused("invalid");
        const outcome = await signInWithPassword(
          parsed.data.email,
          parsed.data.password,
          requestClient(request.headers),
        );
        if (!outcome.ok) {
          throw new SignInRefused(
            outcome.reason === "throttled" ? `throttled:${outcome.retryAfterSeconds}` : "invalid",
          );
        }
        return { id: outcome.userId, sid: outcome.sessionId };
      },
    }),
  ],
  callbacks: {
    /**
     * R-SSO-2: next-auth has validated the provider's answer (state, PKCE, nonce, the ID
     * token's signature, issuer and audience); the portal now decides what this identity
     * opens. A refusal answers the refusal page, with no session.
     */
    async signIn({ user, account, profile }) {
      if (account?.provider !== ssoProviderId) return true;
      const settings = ssoSettings();
      if (!settings || !profile) return `${ssoRefusedPath}?reason=unknown`;
      const identity = identityFromClaims(profile, settings.issuer, settings.claims, settings.groupRoles);
      const outcome = await openSsoSession(identity, requestClient(await headers()));
      if (!outcome.ok) return `${ssoRefusedPath}?reason=${outcome.reason}`;
      user.id = outcome.userId;
      user.sid = outcome.sessionId;
      return true;
    },
    jwt({ token, user }) {
      // Only the ids go in the token; role, name and faculty are re-read on every request.
      if (user?.sid) return { sub: user.id, sid: user.sid };
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid, user: { ...session.user, id: token.sub ?? "" } };
    },
  },
}));
