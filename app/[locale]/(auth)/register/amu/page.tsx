import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPanel } from "@/components/auth/auth-panel";
import { RegisterForm } from "@/components/auth/register-form";
import { PrivacyNotice } from "@/components/legal/privacy-notice";
import { amuStudentEmailDomains } from "@/lib/ami/queries";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ sent?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "ami" });
  return { title: t("register.title") };
}

/** AMU's own students register for the mobility grant with their university address (issue 19). */
export default async function AmuRegisterPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const [t, ta, tm] = await Promise.all([
    getTranslations({ locale, namespace: "auth" }),
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "ami" }),
  ]);
  const other = { otherPrompt: t("haveAccount"), otherLabel: t("loginLink"), otherHref: "/login" } as const;
  // The same answer whether or not the address had an account (R-ACC-6).
  if ((await searchParams).sent === "1") {
    return (
      <AuthPanel title={ta("registerSentTitle")} intro={ta("registerSent")} {...other}>
        {null}
      </AuthPanel>
    );
  }
  const domains = amuStudentEmailDomains()
    .map((domain) => `@${domain}`)
    .join(", ");
  return (
    <AuthPanel title={tm("register.title")} intro={tm("register.intro")} {...other}>
      <RegisterForm kind="amu" emailHint={tm("register.emailHint", { domains })} />
      <PrivacyNotice />
    </AuthPanel>
  );
}
