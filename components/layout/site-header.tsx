import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { homePathByRole } from "@/lib/auth/home";
import { getViewer } from "@/lib/auth/viewer";
import { Link } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";

const roleLinkKey = {
  STUDENT: "myApplication",
  CORRESPONDENT: "dossiers",
  ADMIN: "administration",
  SPONSOR: "sponsoring",
  AMU_STUDENT: "myMobilityGrant",
} as const;

/** Role-aware: each role sees the link to its own work; anonymous visitors see sign-in. */
export async function SiteHeader({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "layout" });
  const viewer = await getViewer();
  const linkClass = "rounded px-2 py-1 text-white underline-offset-4 hover:underline";
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-white">
          {t("brand")}
        </Link>
        <nav aria-label={t("mainNavigation")}>
          <ul className="flex flex-wrap items-center gap-2">
            {viewer ? (
              <>
                <li>
                  <Link href={homePathByRole[viewer.role]} className={linkClass}>
                    {t(roleLinkKey[viewer.role])}
                  </Link>
                </li>
                <li className="text-sm text-blue-100">{t("signedInAs", { name: viewer.name })}</li>
                <li>
                  <Link href="/account" className={linkClass}>
                    {t("myAccount")}
                  </Link>
                </li>
                <li>
                  <SignOutButton label={t("signOut")} />
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/login" className={linkClass}>
                    {t("signIn")}
                  </Link>
                </li>
                <li>
                  <Link href="/register" className={linkClass}>
                    {t("register")}
                  </Link>
                </li>
              </>
            )}
            <li>
              <LanguageSwitch label={t("switchTo")} accessibleLabel={t("switchToLabel")} />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
