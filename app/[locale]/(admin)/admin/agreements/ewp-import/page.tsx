import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { IiaImportForm } from "@/components/iias/iia-import-form";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "iias.import" });
  return { title: t("title") };
}

export default async function IiaImportPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/agreements/ewp-import");
  const t = await getTranslations({ locale, namespace: "iias.import" });
  const ta = await getTranslations({ locale, namespace: "admin.agreements" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} back="/admin/agreements" backLabel={ta("title")} />
      <IiaImportForm />
    </div>
  );
}
