import { getLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";

type Href = Parameters<typeof redirect>[0]["href"];

/**
 * Ends a server action on another page, in the language the request came in: an action has
 * no `[locale]` segment of its own, so the locale is the one next-intl resolved for the request.
 */
export async function redirectInLocale(href: Href): Promise<never> {
  return redirect({ href, locale: (await getLocale()) as AppLocale });
}
