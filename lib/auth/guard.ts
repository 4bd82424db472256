import "server-only";
import { notFound } from "next/navigation";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import type { Role } from "@/lib/generated/prisma/client";
import { redirect } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * For protected pages: an anonymous visitor is sent to sign in (and back afterwards), a
 * signed-in person of another role gets the same "not found" as for a page that does not exist.
 */
export async function requireRole(locale: AppLocale, roles: Role[], path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    return redirect({ href: { pathname: "/login", query: { callbackUrl: `/${locale}${path}` } }, locale });
  }
  if (!roles.includes(viewer.role)) notFound();
  return viewer;
}
