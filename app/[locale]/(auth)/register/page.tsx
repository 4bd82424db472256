import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPanel } from "@/components/auth/auth-panel";
import { RegisterForm } from "@/components/auth/register-form";
import { PrivacyNotice } from "@/components/legal/privacy-notice";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "auth" });
  return { title: t("registerTitle") };
}

export default async function RegisterPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <AuthPanel
      title={t("registerTitle")}
      intro={t("registerIntro")}
      otherPrompt={t("haveAccount")}
      otherLabel={t("loginLink")}
      otherHref="/login"
    >
      <RegisterForm />
      <PrivacyNotice />
    </AuthPanel>
  );
}
