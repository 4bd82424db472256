import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ reason?: string | string[]; error?: string | string[] }>;
};

const reasons = ["unknown", "unverified", "student", "disabled", "otherIdentity"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "sso" });
  return { title: t("refusedTitle") };
}

/**
 * R-SSO-4: why a single sign-on opened nothing, in the user's language. `reason` comes from
 * the portal's own decision; anything else (next-auth's `error`: a tampered state, an expired
 * code, another audience) reads as one message, without internal detail.
 */
export default async function SsoRefusedPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "sso" });
  const { reason } = await searchParams;
  const known = reasons.find((candidate) => candidate === reason);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("refusedTitle")}</h1>
      <p role="alert">{t(known ?? "failed")}</p>
      <p>
        <Link href="/login" className="font-medium text-brand underline">
          {t("backToLogin")}
        </Link>
      </p>
    </div>
  );
}
