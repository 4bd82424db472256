import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkInvalid } from "@/components/account/link-invalid";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { linkStateOf } from "@/lib/accounts/queries";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "account" });
  return { title: t("resetTitle") };
}

/** Opened from a reset or invitation link; reading the page uses nothing up. */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "account" });
  const { token } = await searchParams;
  const link = await linkStateOf(token, ["PASSWORD_RESET", "INVITATION"]);
  if (link.state !== "valid" || typeof token !== "string") return <LinkInvalid kind="reset" />;
  const invitation = link.purpose === "INVITATION";
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{invitation ? t("invitationTitle") : t("resetTitle")}</h1>
      <p>{invitation ? t("invitationIntro") : t("resetIntro")}</p>
      <ResetPasswordForm token={token} />
    </div>
  );
}
