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
    return sessionIdOfToken(name, token);
  }
  return null;
}

// Auth.js's leeway on `exp` when it decrypts (its `decode`'s clockTolerance, in seconds).
const clockToleranceSeconds = 15;
const decodedCapacity = 10_000;

/**
 * Tokens already decrypted by this process: the same cookie comes back on every request of a
 * session, and decoding it (a key derived with HKDF, then AES and HMAC) cost about 2% of a
 * page's CPU (issue 20). Only tokens that decrypted are kept, under their exact text and cookie
 * name; their expiry is checked again on every use. Oldest first out (Map keeps insertion order).
 */
const decoded = new Map<string, { sessionId: string | null; expiresAt: number }>();

async function sessionIdOfToken(name: string, token: string): Promise<string | null> {
  const key = `${name}\n${token}`;
  const known = decoded.get(key);
  if (known) {
    if (Date.now() < known.expiresAt) return known.sessionId;
    decoded.delete(key);
    return null;
  }
  try {
    const payload = await decode({ token, secret: env().AUTH_SECRET, salt: name });
    const sessionId = typeof payload?.sid === "string" ? payload.sid : null;
    if (typeof payload?.exp === "number") {
      if (decoded.size >= decodedCapacity) decoded.delete(decoded.keys().next().value as string);
      decoded.set(key, { sessionId, expiresAt: (payload.exp + clockToleranceSeconds) * 1000 });
    }
    return sessionId;
  } catch {
    return null;
  }
}
