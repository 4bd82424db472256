import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { ProcedureEditor } from "@/components/admin/procedure-editor";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localized";
import { getProcedureForEdit, listFees } from "@/lib/visa-procedures/queries";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.visa" });
  return { title: t("editTitle") };
}

/** One version of a procedure, in the editor; a superseded version is shown, not edited. */
export default async function VisaProcedurePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/visa");
  const { id } = await params;
  const [t, procedure, fees, { done }] = await Promise.all([
    getTranslations({ locale, namespace: "admin.visa" }),
    /^[0-9a-f-]{36}$/i.test(id) ? getProcedureForEdit(viewer, id) : null,
    listFees(viewer),
    searchParams,
  ]);
  if (!procedure) notFound();
  const name = localized(locale, procedure.nameFr, procedure.nameEn);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={`${name} (v${procedure.version})`}
        intro={t("editIntro")}
        back="/admin/visa"
        backLabel={t("back")}
      />
      <DoneNotice done={done} />
      {procedure.supersededAt ? (
        <p className="rounded border border-slate-300 bg-white p-4">
          {t("supersededNotice", { count: procedure._count.checklists })}
        </p>
      ) : (
        <ProcedureEditor
          procedure={procedure}
          fees={fees.map((fee) => ({
            value: fee.id,
            label: `${localized(locale, fee.nameFr, fee.nameEn)} (${(fee.amountCents / 100).toFixed(2)} €)`,
          }))}
        />
      )}
    </div>
  );
}
