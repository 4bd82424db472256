import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { ComponentForm } from "@/components/admin/component-forms";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.components" });
  return { title: t("newTitle") };
}

export default async function NewComponentPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/components/new");
  const t = await getTranslations({ locale, namespace: "admin.components" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("newTitle")} back="/admin/components" backLabel={t("title")} />
      <ComponentForm />
    </div>
  );
}
