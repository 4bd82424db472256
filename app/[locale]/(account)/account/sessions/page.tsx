import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionsSection } from "@/components/account/sessions-section";
import { PageHeader } from "@/components/layout/page-header";
import { listOwnSessions } from "@/lib/account-sessions/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "accountSessions" });
  return { title: t("title") };
}

/** R-SEC-8: "My sessions", for every role. */
export default async function AccountSessionsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT", "CORRESPONDENT", "ADMIN"], "/account/sessions");
  const t = await getTranslations({ locale, namespace: "accountSessions" });
  const [sessions, { done }] = await Promise.all([listOwnSessions(viewer), searchParams]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <SessionsSection sessions={sessions} done={done} />
    </div>
  );
}
