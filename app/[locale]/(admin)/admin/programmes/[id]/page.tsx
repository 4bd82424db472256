import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { ProgrammeForm } from "@/components/admin/programme-form";
import { requireRole } from "@/lib/auth/guard";
import { listComponentOptions } from "@/lib/components/queries";
import { pageLocale } from "@/lib/i18n/locale";
import { listPartnerOptions } from "@/lib/partners/queries";
import { getProgrammeForEdit } from "@/lib/programmes/queries";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.programmes" });
  return { title: t("title") };
}

export default async function EditProgrammePage({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/programmes/${id}`);
  const [programme, components, partners] = await Promise.all([
    getProgrammeForEdit(viewer, id),
    listComponentOptions(),
    listPartnerOptions(),
  ]);
  if (!programme) notFound();
  const t = await getTranslations({ locale, namespace: "admin.programmes" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={t("editTitle", { name: locale === "fr" ? programme.nameFr : programme.nameEn })}
        back="/admin/programmes"
        backLabel={t("title")}
      />
      <ProgrammeForm
        programme={programme}
        components={components.map((component) => ({
          value: component.id,
          label: `${component.code} – ${locale === "fr" ? component.nameFr : component.nameEn}`,
        }))}
        partners={partners.map((partner) => ({ value: partner.id, label: `${partner.name} (${partner.city})` }))}
      />
    </div>
  );
}
