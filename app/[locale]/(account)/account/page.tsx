import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ResendVerificationForm } from "@/components/account/resend-verification-form";
import { StatusNotice } from "@/components/account/status-notice";
import { PageHeader } from "@/components/layout/page-header";
import { ownAccountOf } from "@/lib/accounts/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string | string[] }> };

const doneMessages = ["passwordChanged", "verificationSent", "emailChangeSent"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "account" });
  return { title: t("accountTitle") };
}

/** Every signed-in person's own account: address (and its confirmation), password. */
export default async function AccountPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT", "CORRESPONDENT", "ADMIN"], "/account");
  const t = await getTranslations({ locale, namespace: "account" });
  const tf = await getTranslations({ locale, namespace: "secondFactor" });
  const account = await ownAccountOf(viewer);
  const { done } = await searchParams;
  const notice = doneMessages.find((message) => message === done);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("accountTitle")} intro={t("accountIntro")} />
      {notice && <StatusNotice message={t(notice)} />}
      <section aria-labelledby="email" className="flex flex-col gap-3">
        <h2 id="email" className="text-xl font-semibold">
          {t("emailTitle")}
        </h2>
        <p>{t("currentEmail", { email: account.email })}</p>
        {account.emailVerifiedAt ? (
          <p>{t("emailVerified")}</p>
        ) : (
          <>
            <p>{t("emailUnverified")}</p>
            <ResendVerificationForm />
          </>
        )}
      </section>
      <section aria-labelledby="change-email" className="flex flex-col gap-3">
        <h2 id="change-email" className="text-xl font-semibold">
          {t("changeEmailTitle")}
        </h2>
        <p>{t("changeEmailIntro")}</p>
        <ChangeEmailForm />
      </section>
      <section aria-labelledby="change-password" className="flex flex-col gap-3">
        <h2 id="change-password" className="text-xl font-semibold">
          {t("changePasswordTitle")}
        </h2>
        <p>{t("changePasswordIntro")}</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="second-factor" className="flex flex-col gap-3">
        <h2 id="second-factor" className="text-xl font-semibold">
          {tf("accountTitle")}
        </h2>
        <p>{tf("accountIntro")}</p>
        <p>
          <Link href="/account/second-factor" className="font-medium text-brand underline">
            {tf("accountLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}
