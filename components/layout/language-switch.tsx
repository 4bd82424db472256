"use client";

import { useLocale } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";

/** Links to the same page in the other language. */
export function LanguageSwitch({ label, accessibleLabel }: { label: string; accessibleLabel: string }) {
  const other = useLocale() === "fr" ? "en" : "fr";
  return (
    <Link
      href={usePathname()}
      locale={other}
      lang={other}
      hrefLang={other}
      aria-label={accessibleLabel}
      className="rounded border border-white/60 px-2 py-1 text-sm text-white hover:bg-white/10"
    >
      {label}
    </Link>
  );
}
