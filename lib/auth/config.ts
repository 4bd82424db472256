import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { requestClient } from "@/lib/auth/request-client";
import { ZSignIn } from "@/lib/auth/schemas";
import { signInWithPassword } from "@/lib/auth/service";
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
  pages: { signIn: "/login" },
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
