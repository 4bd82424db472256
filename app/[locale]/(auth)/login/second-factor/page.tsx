import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CodeForm } from "@/components/second-factor/code-form";
import { RestartSignInLink } from "@/components/second-factor/restart-sign-in-link";
import { safeCallbackPath } from "@/lib/auth/home";
import { getPendingSignIn } from "@/lib/auth/pending-sign-in";
import { pageLocale } from "@/lib/i18n/locale";
import { redirect } from "@/lib/i18n/navigation";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "secondFactor" });
  return { title: t("verifyTitle") };
}

/** The sign-in's second step (R-MFA-4): only for a browser whose password was just accepted. */
export default async function SecondFactorPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const pending = await getPendingSignIn();
  if (pending?.step !== "SECOND_FACTOR") return redirect({ href: "/login", locale });
  const t = await getTranslations({ locale, namespace: "secondFactor" });
  const { callbackUrl } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("verifyTitle")}</h1>
      <p>{t("verifyIntro")}</p>
      <CodeForm
        callbackUrl={safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined) ?? undefined}
      />
      <RestartSignInLink />
    </div>
  );
}
