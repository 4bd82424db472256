import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, CreateLink } from "@/components/admin/admin-header";
import { AgreementForm } from "@/components/admin/agreement-form";
import { kindName, listAgreementKinds } from "@/lib/agreements/kinds/queries";
import { requireRole } from "@/lib/auth/guard";
import { listComponentOptions } from "@/lib/components/queries";
import { pageLocale } from "@/lib/i18n/locale";
import { listPartnerOptions } from "@/lib/partners/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.agreements" });
  return { title: t("newTitle") };
}

export default async function NewAgreementPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/agreements/new");
  const t = await getTranslations({ locale, namespace: "admin.agreements" });
  const tp = await getTranslations({ locale, namespace: "admin.partners" });
  const [partners, kinds, components] = await Promise.all([
    listPartnerOptions(),
    listAgreementKinds(),
    listComponentOptions(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("newTitle")} back="/admin/agreements" backLabel={t("title")} />
      {partners.length === 0 ? (
        <>
          <p>{t("needPartner")}</p>
          <CreateLink href="/admin/partners/new" label={tp("create")} />
        </>
      ) : (
        <AgreementForm
          partners={partners.map((partner) => ({ value: partner.id, label: `${partner.name} (${partner.city})` }))}
          kinds={kinds.map((kind) => ({ value: kind.code, label: kindName(kind, locale) }))}
          components={components.map((component) => ({
            value: component.id,
            label: `${component.code} – ${locale === "fr" ? component.nameFr : component.nameEn}`,
          }))}
        />
      )}
    </div>
  );
}
