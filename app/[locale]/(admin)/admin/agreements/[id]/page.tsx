import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { AgreementForm } from "@/components/admin/agreement-form";
import { AgreementHistory } from "@/components/admin/agreement-history";
import { SignedPdfForm } from "@/components/admin/signed-pdf-form";
import { PageSection } from "@/components/ui/page-section";
import { kindName, listAgreementKinds } from "@/lib/agreements/kinds/queries";
import { getAgreementForEdit } from "@/lib/agreements/queries";
import { listEntityHistory } from "@/lib/audit-queries";
import { requireRole } from "@/lib/auth/guard";
import { listComponentOptions } from "@/lib/components/queries";
import { pageLocale } from "@/lib/i18n/locale";
import { listPartnerOptions } from "@/lib/partners/queries";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.agreements" });
  return { title: t("title") };
}

export default async function EditAgreementPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/agreements/${id}`);
  const agreement = await getAgreementForEdit(viewer, id);
  if (!agreement) notFound();
  const [partners, kinds, components, history] = await Promise.all([
    listPartnerOptions(),
    listAgreementKinds(),
    listComponentOptions(),
    listEntityHistory(viewer, "Agreement", agreement.id),
  ]);
  const t = await getTranslations({ locale, namespace: "admin.agreements" });
  const ti = await getTranslations({ locale, namespace: "iias.export" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={t("editTitle", { partner: agreement.partner.name })}
        back="/admin/agreements"
        backLabel={t("title")}
      />
      <p>
        {/* A download, not a page: a plain link to the route (GET /api/agreements/[id]/iia). */}
        <a
          href={`/api/agreements/${agreement.id}/iia?locale=${locale}`}
          className="font-medium text-brand underline"
          download
        >
          {ti("download")}
        </a>
      </p>
      <AgreementForm
        agreement={{
          ...agreement,
          componentIds: agreement.components.map((component) => component.id),
          signedOn: agreement.signedOn?.toISOString().slice(0, 10) ?? "",
        }}
        partners={partners.map((partner) => ({ value: partner.id, label: `${partner.name} (${partner.city})` }))}
        kinds={kinds.map((kind) => ({ value: kind.code, label: kindName(kind, locale) }))}
        components={components.map((component) => ({
          value: component.id,
          label: `${component.code} – ${locale === "fr" ? component.nameFr : component.nameEn}`,
        }))}
      />
      <PageSection id="signed-pdf-title" title={t("signedPdfTitle")}>
        {agreement.signedPdfName ? (
          <p>
            {/* A private document: the route answers administrators only (GET /api/agreements/[id]/signed-pdf). */}
            <a href={`/api/agreements/${agreement.id}/signed-pdf`} className="font-medium text-brand underline">
              {t("signedPdfDownload", {
                name: agreement.signedPdfName,
                size: Math.max(1, Math.round((agreement.signedPdfSize ?? 0) / 1024)),
              })}
            </a>
          </p>
        ) : (
          <p>{t("signedPdfNone")}</p>
        )}
        <SignedPdfForm agreementId={agreement.id} />
      </PageSection>
      <AgreementHistory locale={locale} events={history} />
    </div>
  );
}
