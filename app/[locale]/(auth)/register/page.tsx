import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "auth" });
  return { title: t("registerTitle") };
}

export default async function RegisterPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("registerTitle")}</h1>
      <p>{t("registerIntro")}</p>
      <RegisterForm />
      <p>
        {t("haveAccount")}{" "}
        <Link href="/login" className="font-medium text-brand underline">
          {t("loginLink")}
        </Link>
      </p>
    </div>
  );
}
