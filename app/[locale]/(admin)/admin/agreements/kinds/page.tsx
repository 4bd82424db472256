import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { AgreementKindForm } from "@/components/admin/agreement-kind-forms";
import { DataTable } from "@/components/ui/data-table";
import { listAgreementKindsForAdmin } from "@/lib/agreements/kinds/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.agreementKinds" });
  return { title: t("title") };
}

/** R-PAR-1: the kinds of agreement, and a form to add one. */
export default async function AgreementKindsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/agreements/kinds");
  const t = await getTranslations({ locale, namespace: "admin.agreementKinds" });
  const tc = await getTranslations({ locale, namespace: "admin.common" });
  const [kinds, { done }] = await Promise.all([listAgreementKindsForAdmin(viewer), searchParams]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} back="/admin/agreements" backLabel={t("back")} />
      <DoneNotice done={done} />
      <DataTable
        caption={t("caption")}
        columns={[
          t("colCode"),
          t("colNameFr"),
          t("colNameEn"),
          t("colCoversEveryComponent"),
          t("colAgreements"),
          tc("colActions"),
        ]}
        rows={kinds.map((kind) => [
          kind.code,
          <span key="fr" lang="fr">
            {kind.nameFr}
          </span>,
          <span key="en" lang="en">
            {kind.nameEn}
          </span>,
          kind.coversEveryComponent ? t("yes") : t("no"),
          kind._count.agreements,
          <EditLink
            key="edit"
            href={`/admin/agreements/kinds/${kind.code}`}
            label={tc("edit")}
            name={locale === "fr" ? kind.nameFr : kind.nameEn}
          />,
        ])}
      />
      <section aria-labelledby="new-kind" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
        <h2 id="new-kind" className="text-xl font-semibold">
          {t("newTitle")}
        </h2>
        <AgreementKindForm />
      </section>
    </div>
  );
}
