import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { AttachCorrespondentForm, ComponentForm, DetachCorrespondentForm } from "@/components/admin/component-forms";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { getComponentForEdit, listAttachableCorrespondents } from "@/lib/components/queries";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.components" });
  return { title: t("title") };
}

export default async function EditComponentPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/components/${id}`);
  const [component, candidates, { done }] = await Promise.all([
    getComponentForEdit(viewer, id),
    listAttachableCorrespondents(viewer, id),
    searchParams,
  ]);
  if (!component) notFound();
  const t = await getTranslations({ locale, namespace: "admin.components" });
  const tc = await getTranslations({ locale, namespace: "admin.common" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("editTitle", { code: component.code })} back="/admin/components" backLabel={t("title")} />
      <DoneNotice done={done} />
      <ComponentForm component={component} />
      <section aria-labelledby="correspondents" className="flex flex-col gap-4 border-t border-slate-300 pt-6">
        <h2 id="correspondents" className="text-xl font-semibold">
          {t("correspondentsTitle")}
        </h2>
        <p>{t("correspondentsIntro")}</p>
        {component.correspondents.length === 0 ? (
          <p>{t("noCorrespondentYet")}</p>
        ) : (
          <DataTable
            caption={t("correspondentsCaption", { code: component.code })}
            columns={[t("colName"), t("colEmail"), tc("colActions")]}
            rows={component.correspondents.map((person) => [
              person.disabled ? `${person.name} (${t("accountDisabled")})` : person.name,
              person.email,
              <DetachCorrespondentForm
                key="detach"
                componentId={component.id}
                userId={person.id}
                name={person.name}
                code={component.code}
              />,
            ])}
          />
        )}
        {candidates.length === 0 ? (
          <p>{t("noCandidate")}</p>
        ) : (
          <AttachCorrespondentForm
            componentId={component.id}
            candidates={candidates.map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }))}
          />
        )}
      </section>
    </div>
  );
}
