import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusNotice } from "@/components/account/status-notice";
import { PageHeader } from "@/components/layout/page-header";
import { DisableSecondFactorForm } from "@/components/second-factor/disable-form";
import { EnrolmentSteps } from "@/components/second-factor/enrolment-steps";
import { requireRole } from "@/lib/auth/guard";
import { enrolmentOf, secondFactorStatusOf } from "@/lib/auth/second-factor/queries";
import { mayDisableSecondFactor } from "@/lib/auth/second-factor/rules";
import { env } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "secondFactor" });
  return { title: t("accountTitle") };
}

/** Every signed-in person's own second factor: set it up, or (students, R-MFA-4) switch it off. */
export default async function AccountSecondFactorPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT", "CORRESPONDENT", "ADMIN"], "/account/second-factor");
  const t = await getTranslations({ locale, namespace: "secondFactor" });
  const ta = await getTranslations({ locale, namespace: "account" });
  const format = await getFormatter({ locale });
  const status = await secondFactorStatusOf(viewer);
  const { done } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("accountTitle")}
        intro={t("accountIntro")}
        back={{ href: "/account", label: ta("accountTitle") }}
      >
        {done === "disabled" && <StatusNotice message={t("disabled")} />}
      </PageHeader>
      {status.enrolled ? (
        <>
          <p>
            {t("enabledSince", {
              date: format.dateTime(status.since, { dateStyle: "long" }),
              count: status.recoveryCodesLeft,
            })}
          </p>
          {mayDisableSecondFactor(viewer.role, env().SECOND_FACTOR) ? (
            <DisableSecondFactorForm />
          ) : (
            <p>{t("requiredForStaff")}</p>
          )}
        </>
      ) : (
        <>
          <p>{t("notEnabled")}</p>
          <EnrolmentSteps enrolment={await enrolmentOf(viewer)} />
        </>
      )}
    </div>
  );
}
