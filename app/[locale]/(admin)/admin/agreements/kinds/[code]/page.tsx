import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { AgreementKindForm, DeleteAgreementKindForm } from "@/components/admin/agreement-kind-forms";
import { kindName, listAgreementKindsForAdmin } from "@/lib/agreements/kinds/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.agreementKinds" });
  return { title: t("title") };
}

/** R-PAR-1: one kind's names and scope; deleted only while no agreement uses it. */
export default async function EditAgreementKindPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { code } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/agreements/kinds/${code}`);
  // A university has a handful of kinds: the list is read whole rather than queried twice.
  const kind = (await listAgreementKindsForAdmin(viewer)).find((row) => row.code === decodeURIComponent(code));
  if (!kind) notFound();
  const t = await getTranslations({ locale, namespace: "admin.agreementKinds" });
  const name = kindName(kind, locale);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={t("editTitle", { name })}
        intro={t("usage", { code: kind.code, count: kind._count.agreements })}
        back="/admin/agreements/kinds"
        backLabel={t("title")}
      />
      <AgreementKindForm kind={kind} />
      <section aria-labelledby="delete-kind" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
        <h2 id="delete-kind" className="text-xl font-semibold">
          {t("deleteTitle")}
        </h2>
        <p>{t("deleteIntro")}</p>
        <DeleteAgreementKindForm code={kind.code} name={name} />
      </section>
    </div>
  );
}
