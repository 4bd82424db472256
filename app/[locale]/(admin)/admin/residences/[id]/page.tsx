import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { CapacityForm, ResidenceForm } from "@/components/admin/residence-forms";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { getCapacityTable, getResidenceForEdit } from "@/lib/residences/queries";
import { capacityYears } from "@/lib/residences/rules";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "residences.residences" });
  return { title: t("title") };
}

export default async function ResidencePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/residences/${id}`);
  const [residence, { done }] = await Promise.all([getResidenceForEdit(viewer, id), searchParams]);
  if (!residence) notFound();
  const rows = await getCapacityTable(viewer, residence.id, capacityYears(new Date()));
  const t = await getTranslations({ locale, namespace: "residences" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={t("residences.editTitle", { name: residence.name })}
        back="/admin/residences"
        backLabel={t("residences.title")}
      />
      <DoneNotice done={done} />
      <ResidenceForm residence={residence} />
      <section aria-labelledby="capacities" className="flex flex-col gap-4 border-t border-slate-300 pt-6">
        <h2 id="capacities" className="text-xl font-semibold">
          {t("capacities.title")}
        </h2>
        <p>{t("capacities.intro")}</p>
        <CapacityForm residenceId={residence.id} residenceName={residence.name} rows={rows} />
      </section>
    </div>
  );
}
