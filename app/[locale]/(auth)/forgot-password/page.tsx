import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";
import { StatusNotice } from "@/components/account/status-notice";
import { AuthPanel } from "@/components/auth/auth-panel";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ sent?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "account" });
  return { title: t("forgotTitle") };
}

/** The same page after any address (R-ACC-6): it never says whether an account exists. */
export default async function ForgotPasswordPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "account" });
  const { sent } = await searchParams;
  return (
    <AuthPanel
      title={t("forgotTitle")}
      intro={t("forgotIntro")}
      otherPrompt=""
      otherLabel={t("backToLogin")}
      otherHref="/login"
    >
      {sent === "1" && <StatusNotice message={t("forgotSent")} />}
      <ForgotPasswordForm />
    </AuthPanel>
  );
}
