import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { ProgrammeForm } from "@/components/admin/programme-form";
import { requireRole } from "@/lib/auth/guard";
import { listComponentOptions } from "@/lib/components/queries";
import { pageLocale } from "@/lib/i18n/locale";
import { listPartnerOptions } from "@/lib/partners/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.programmes" });
  return { title: t("newTitle") };
}

export default async function NewProgrammePage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/programmes/new");
  const t = await getTranslations({ locale, namespace: "admin.programmes" });
  const [components, partners] = await Promise.all([listComponentOptions(), listPartnerOptions()]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("newTitle")} back="/admin/programmes" backLabel={t("title")} />
      <ProgrammeForm
        components={components.map((component) => ({
          value: component.id,
          label: `${component.code} – ${locale === "fr" ? component.nameFr : component.nameEn}`,
        }))}
        partners={partners.map((partner) => ({ value: partner.id, label: `${partner.name} (${partner.city})` }))}
      />
    </div>
  );
}
