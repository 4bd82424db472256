import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

// Auth.js's names for the session cookie: with the __Secure- prefix when served over HTTPS.
// Its salt is the cookie's name, as Auth.js encodes it.
const sessionCookieNames = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The UserSession id the request's cookie names, or null. Only the id is needed on a page
 * (everything else is re-read from the database), so this skips Auth.js's whole session
 * handling (which re-encrypts a new token on every call) and keeps its checks: the token is
 * decrypted with AUTH_SECRET by Auth.js's own `decode` (authenticated encryption: a forged or
 * altered token fails) and refused once expired (its `exp`, the absolute session lifetime).
 * Revocation, idle time and the user's state are checked against the database by the caller.
 * The token holds two ids, far below the size at which Auth.js would split the cookie.
 */
export async function sessionIdFromCookie(): Promise<string | null> {
  const jar = await cookies();
  for (const name of sessionCookieNames) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: env().AUTH_SECRET, salt: name });
      return typeof payload?.sid === "string" ? payload.sid : null;
    } catch {
      return null;
    }
  }
  return null;
}
