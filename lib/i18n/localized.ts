import type { AppLocale } from "@/lib/i18n/routing";

/** The French or English version of a text stored in both (reference data an admin edits). */
export function localized(locale: AppLocale | string, french: string, english: string): string {
  return locale === "fr" ? french : english;
}
