import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { IntegrationSessionForm } from "@/components/integration/admin-forms";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { getIntegrationSessionForAdmin } from "@/lib/integration/week/queries";
import { dateToDay } from "@/lib/paris-time";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "integration.admin" });
  return { title: t("editSession") };
}

/** R-INT-1: one session changed; more seats move waiting students up. */
export default async function AdminIntegrationSessionPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/integration/${id}`);
  const session = /^[0-9a-f-]{36}$/i.test(id) ? await getIntegrationSessionForAdmin(viewer, id) : null;
  if (!session) notFound();
  const t = await getTranslations({ locale, namespace: "integration.admin" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("editSession")} back="/admin/integration" backLabel={t("title")} />
      <IntegrationSessionForm
        defaultYear={session.academicYear}
        session={{ ...session, startsOn: dateToDay(session.startsOn), endsOn: dateToDay(session.endsOn) }}
      />
    </div>
  );
}
