import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/auth/home";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ callbackUrl?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "auth" });
  return { title: t("loginTitle") };
}

export default async function LoginPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  const { callbackUrl } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("loginTitle")}</h1>
      <p>{t("loginIntro")}</p>
      <LoginForm callbackUrl={safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined) ?? undefined} />
      <p>
        {t("noAccount")}{" "}
        <Link href="/register" className="font-medium text-brand underline">
          {t("registerLink")}
        </Link>
      </p>
    </div>
  );
}
