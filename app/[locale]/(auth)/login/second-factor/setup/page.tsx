import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EnrolmentSteps } from "@/components/second-factor/enrolment-steps";
import { RestartSignInLink } from "@/components/second-factor/restart-sign-in-link";
import { getPendingSignIn } from "@/lib/auth/pending-sign-in";
import { enrolmentOf } from "@/lib/auth/second-factor/queries";
import { pageLocale } from "@/lib/i18n/locale";
import { redirect } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "secondFactor" });
  return { title: t("setupTitle") };
}

/**
 * R-MFA-4: a correspondent or an administrator whose password was right but who has no second
 * factor yet sets one up here before the portal opens.
 */
export default async function SecondFactorSetupPage({ params }: Props) {
  const locale = await pageLocale(params);
  const pending = await getPendingSignIn();
  if (pending?.step !== "ENROLMENT") return redirect({ href: "/login", locale });
  const t = await getTranslations({ locale, namespace: "secondFactor" });
  const enrolment = await enrolmentOf({ id: pending.userId, email: pending.email });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("setupTitle")}</h1>
      <p>{t("setupIntro")}</p>
      <EnrolmentSteps enrolment={enrolment} />
      <RestartSignInLink />
    </div>
  );
}
