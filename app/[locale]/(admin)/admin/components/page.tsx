import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, CreateLink, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { listComponentsForAdmin } from "@/lib/components/queries";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.components" });
  return { title: t("title") };
}

export default async function ComponentsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/components");
  const t = await getTranslations({ locale, namespace: "admin.components" });
  const tc = await getTranslations({ locale, namespace: "admin.common" });
  const [components, { done }] = await Promise.all([listComponentsForAdmin(viewer), searchParams]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      <CreateLink href="/admin/components/new" label={t("create")} />
      {components.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[t("colCode"), t("colNameFr"), t("colNameEn"), t("colCorrespondents"), tc("colActions")]}
          rows={components.map((component) => [
            component.code,
            <span key="fr" lang="fr">
              {component.nameFr}
            </span>,
            <span key="en" lang="en">
              {component.nameEn}
            </span>,
            component.correspondents.map((person) => person.name).join(", ") || t("noCorrespondent"),
            <EditLink key="edit" href={`/admin/components/${component.id}`} label={tc("edit")} name={component.code} />,
          ])}
        />
      )}
    </div>
  );
}
