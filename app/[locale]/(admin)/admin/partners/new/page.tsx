import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { PartnerForm } from "@/components/admin/partner-forms";
import { requireRole } from "@/lib/auth/guard";
import { countryOptions } from "@/lib/i18n/countries";
import { pageLocale } from "@/lib/i18n/locale";
import { listNetworks, networkOptions } from "@/lib/partners/networks/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.partners" });
  return { title: t("newTitle") };
}

export default async function NewPartnerPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/partners/new");
  const t = await getTranslations({ locale, namespace: "admin.partners" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("newTitle")} back="/admin/partners" backLabel={t("title")} />
      <PartnerForm countries={countryOptions(locale)} networks={networkOptions(await listNetworks())} />
    </div>
  );
}
