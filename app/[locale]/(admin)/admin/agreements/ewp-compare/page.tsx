import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { CompareCopiesForm } from "@/components/iias/compare-copies-form";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { compareIiaCopiesAction } from "@/lib/iias/actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "iias.compare" });
  return { title: t("title") };
}

export default async function CompareIiaCopiesPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/agreements/ewp-compare");
  const t = await getTranslations({ locale, namespace: "iias.compare" });
  const ta = await getTranslations({ locale, namespace: "admin.agreements" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} back="/admin/agreements" backLabel={ta("title")} />
      <CompareCopiesForm action={compareIiaCopiesAction} />
    </div>
  );
}
