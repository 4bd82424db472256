import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { providerEndSessionUrl, ssoSettings } from "@/lib/auth/sso/settings";
import { env } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "sso" });
  return { title: t("signedOutTitle") };
}

/**
 * After signing out of a single sign-on session: the portal's session is already revoked; the
 * identity provider's own session is its business, so the page offers its end-session URL
 * (RP-initiated logout) when the provider publishes one, rather than leaving silently.
 */
export default async function SignedOutPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "sso" });
  const endpoint = await providerEndSessionUrl();
  const settings = ssoSettings();
  let providerSignOut: string | null = null;
  if (endpoint && settings) {
    const url = new URL(endpoint);
    url.searchParams.set("client_id", settings.clientId);
    url.searchParams.set("post_logout_redirect_uri", `${env().APP_URL}/${locale}`);
    providerSignOut = url.toString();
  }
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("signedOutTitle")}</h1>
      <p role="status">{t("signedOutIntro")}</p>
      {providerSignOut && (
        <p>
          <a href={providerSignOut} className="font-medium text-brand underline">
            {t("providerSignOut")}
          </a>
        </p>
      )}
      <p>
        <Link href="/" className="font-medium text-brand underline">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
