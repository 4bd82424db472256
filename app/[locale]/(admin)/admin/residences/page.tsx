import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, CreateLink, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { academicYearOf, formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { listResidencesForAdmin } from "@/lib/residences/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "residences.residences" });
  return { title: t("title") };
}

export default async function ResidencesPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/residences");
  const t = await getTranslations({ locale, namespace: "residences.residences" });
  const tc = await getTranslations({ locale, namespace: "admin.common" });
  const te = await getTranslations({ locale, namespace: "enums" });
  // R-HOU-1: the rooms shown are those of the current academic year.
  const thisYear = academicYearOf(new Date());
  const [residences, { done }] = await Promise.all([listResidencesForAdmin(viewer, thisYear), searchParams]);
  const rooms = (capacities: { semester: string; rooms: number }[], semester: string) =>
    capacities.find((row) => row.semester === semester)?.rooms ?? 0;
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      <CreateLink href="/admin/residences/new" label={t("create")} />
      {residences.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption", { year: formatAcademicYear(thisYear) })}
          columns={[t("colName"), t("colCity"), t("colAddress"), t("colRoomsS1"), t("colRoomsS2"), tc("colActions")]}
          rows={residences.map((residence) => [
            residence.name,
            te(`housingCity.${residence.city}`),
            residence.address ?? "—",
            rooms(residence.capacities, "S1"),
            rooms(residence.capacities, "S2"),
            <EditLink
              key="edit"
              href={`/admin/residences/${residence.id}`}
              label={t("editLink")}
              name={residence.name}
            />,
          ])}
        />
      )}
    </div>
  );
}
