import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmEmailForm } from "@/components/account/confirm-email-form";
import { LinkInvalid } from "@/components/account/link-invalid";
import { StatusNotice } from "@/components/account/status-notice";
import { linkStateOf } from "@/lib/accounts/queries";
import { homePathByRole } from "@/lib/auth/home";
import { getViewer } from "@/lib/auth/viewer";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string | string[]; done?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "account" });
  return { title: t("confirmTitle") };
}

/** Opened from a verification or change-of-address link; the button uses it up. */
export default async function ConfirmEmailPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "account" });
  const { token, done } = await searchParams;
  if (done === "verified" || done === "changed") {
    // Back to one's own work (an AMU student's is the mobility grant), or to sign in first.
    const viewer = await getViewer();
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-3xl font-bold">{t("confirmTitle")}</h1>
        <StatusNotice message={t(done)} />
        <p>
          <Link href={viewer ? homePathByRole[viewer.role] : "/login"} className="font-medium text-brand underline">
            {t("continue")}
          </Link>
        </p>
      </div>
    );
  }
  const link = await linkStateOf(token, ["EMAIL_VERIFICATION", "EMAIL_CHANGE"]);
  if (link.state !== "valid" || typeof token !== "string") return <LinkInvalid kind="verification" />;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("confirmTitle")}</h1>
      <p>{t("confirmIntro")}</p>
      <ConfirmEmailForm token={token} />
    </div>
  );
}
