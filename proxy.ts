import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

// Puts the locale in every page URL: `/` goes to `/fr` or `/en` by the browser's preference.
export default createMiddleware(routing);

export const config = {
  // Everything but API routes, Next's own files and files with an extension.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
