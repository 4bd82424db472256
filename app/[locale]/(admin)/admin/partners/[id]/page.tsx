import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { DeletePartnerForm, PartnerForm } from "@/components/admin/partner-forms";
import { requireRole } from "@/lib/auth/guard";
import { countryOptions } from "@/lib/i18n/countries";
import { pageLocale } from "@/lib/i18n/locale";
import { listNetworks, networkOptions } from "@/lib/partners/networks/queries";
import { getPartnerForEdit } from "@/lib/partners/queries";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.partners" });
  return { title: t("title") };
}

export default async function EditPartnerPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/partners/${id}`);
  const partner = await getPartnerForEdit(viewer, id);
  if (!partner) notFound();
  const t = await getTranslations({ locale, namespace: "admin.partners" });
  const { agreements, programmes, applications } = partner._count;
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={t("editTitle", { name: partner.name })}
        intro={t("usage", { agreements, programmes, applications })}
        back="/admin/partners"
        backLabel={t("title")}
      />
      <PartnerForm
        partner={partner}
        countries={countryOptions(locale)}
        networks={networkOptions(await listNetworks())}
      />
      <section aria-labelledby="delete-partner" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
        <h2 id="delete-partner" className="text-xl font-semibold">
          {t("deleteTitle")}
        </h2>
        <p>{t("deleteIntro")}</p>
        <DeletePartnerForm id={partner.id} name={partner.name} />
      </section>
    </div>
  );
}
