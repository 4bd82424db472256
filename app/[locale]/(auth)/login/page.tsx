import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusNotice } from "@/components/account/status-notice";
import { AuthPanel } from "@/components/auth/auth-panel";
import { LoginForm } from "@/components/auth/login-form";
import { SsoButton } from "@/components/auth/sso-button";
import { safeCallbackPath } from "@/lib/auth/home";
import { ssoSettings } from "@/lib/auth/sso/settings";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string | string[]; done?: string | string[]; error?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "auth" });
  return { title: t("loginTitle") };
}

export default async function LoginPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  const ta = await getTranslations({ locale, namespace: "account" });
  const { callbackUrl, done, error } = await searchParams;
  const callback = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined) ?? undefined;
  const sso = ssoSettings();
  const ts = await getTranslations({ locale, namespace: "sso" });
  return (
    <AuthPanel
      title={t("loginTitle")}
      intro={t("loginIntro")}
      otherPrompt={t("noAccount")}
      otherLabel={t("registerLink")}
      otherHref="/register"
      footer={
        <p>
          <Link href="/forgot-password" className="font-medium text-brand underline">
            {ta("forgotLink")}
          </Link>
        </p>
      }
    >
      {done === "passwordSet" && <StatusNotice message={ta("passwordSet")} />}
      {/* next-auth sends a provider's own refusal (e.g. consent denied) back here with ?error= (R-SSO-4). */}
      {sso && error && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {ts("failed")}
        </p>
      )}
      {sso && <SsoButton label={sso.label} callbackUrl={callback} />}
      <LoginForm callbackUrl={callback} />
    </AuthPanel>
  );
}
