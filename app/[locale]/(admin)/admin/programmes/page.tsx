import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, CreateLink, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { listProgrammesForAdmin } from "@/lib/programmes/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.programmes" });
  return { title: t("title") };
}

export default async function ProgrammesPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/programmes");
  const t = await getTranslations({ locale, namespace: "admin.programmes" });
  const tc = await getTranslations({ locale, namespace: "admin.common" });
  const te = await getTranslations({ locale, namespace: "enums" });
  const [programmes, { done }] = await Promise.all([listProgrammesForAdmin(viewer), searchParams]);
  const type = (programme: { doubleDegree: boolean; offshore: boolean }) =>
    [programme.doubleDegree && t("doubleDegree"), programme.offshore && t("offshore")].filter(Boolean).join(", ") ||
    t("regular");
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      <CreateLink href="/admin/programmes/new" label={t("create")} />
      {programmes.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[
            t("colName"),
            t("colComponent"),
            t("colLevel"),
            t("colLanguage"),
            t("colType"),
            t("colPartner"),
            t("colCapacity"),
            tc("colActions"),
          ]}
          rows={programmes.map((programme) => {
            const name = locale === "fr" ? programme.nameFr : programme.nameEn;
            return [
              name,
              programme.component.code,
              te(`studyLevel.${programme.level}`),
              te(`teachingLanguage.${programme.teachingLanguage}`),
              type(programme),
              programme.partner?.name ?? "—",
              programme.yearlyCapacity ?? "—",
              <EditLink key="edit" href={`/admin/programmes/${programme.id}`} label={tc("edit")} name={name} />,
            ];
          })}
        />
      )}
    </div>
  );
}
