import type { Role } from "@/lib/generated/prisma/client";
import { hasControlCharacters } from "@/lib/security/control-characters";

/** Where each role lands after signing in, and what the header's main link opens. */
export const homePathByRole: Record<Role, "/dossier" | "/review" | "/admin" | "/sponsor" | "/ami"> = {
  STUDENT: "/dossier",
  CORRESPONDENT: "/review",
  ADMIN: "/admin",
  SPONSOR: "/sponsor",
  AMU_STUDENT: "/ami",
};

/** Only same-site paths are followed after sign-in (no open redirect to another host). */
export function safeCallbackPath(callbackUrl: string | undefined): string | null {
  if (!callbackUrl?.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.includes("\\")) return null;
  // R-SEC-6: a line break would end up in the Location header.
  if (hasControlCharacters(callbackUrl)) return null;
  return callbackUrl;
}

/** A callback path carries its own locale (/en/…); redirectInLocale adds the request's. */
export function pathWithoutLocale(path: string): string {
  return path.replace(/^\/(fr|en)(?=\/|$)/, "") || "/";
}
