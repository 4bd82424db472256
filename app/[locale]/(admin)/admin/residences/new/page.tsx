import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { ResidenceForm } from "@/components/admin/residence-forms";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "residences.residences" });
  return { title: t("newTitle") };
}

export default async function NewResidencePage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/residences/new");
  const t = await getTranslations({ locale, namespace: "residences.residences" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("newTitle")} intro={t("newIntro")} back="/admin/residences" backLabel={t("title")} />
      <ResidenceForm />
    </div>
  );
}
