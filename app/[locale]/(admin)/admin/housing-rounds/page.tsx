import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, CreateLink, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { listHousingRoundsForAdmin } from "@/lib/housing/rounds/queries";
import { canEditRound, canRelease } from "@/lib/housing/rounds/rules";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "residences.rounds" });
  return { title: t("title") };
}

export default async function HousingRoundsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/housing-rounds");
  const [t, tc, te, format] = await Promise.all([
    getTranslations({ locale, namespace: "residences.rounds" }),
    getTranslations({ locale, namespace: "admin.common" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
  ]);
  const [rounds, { done }] = await Promise.all([listHousingRoundsForAdmin(viewer), searchParams]);
  const now = new Date();
  // R-HOU-3: dates as in Paris (the request configuration's time zone).
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "Europe/Paris" });
  const instant = (date: Date) =>
    format.dateTime(date, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      <CreateLink href="/admin/housing-rounds/new" label={t("create")} />
      {/* R-HOU-3: admins release from the staff's release pages (the e-mails are followed there). */}
      <p>
        <Link href="/review/housing/rounds" className="font-medium text-brand underline">
          {t("releaseListLink")}
        </Link>
      </p>
      {rounds.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[
            t("colYear"),
            t("colSemester"),
            t("colReleaseAt"),
            t("colPolicy"),
            t("colStatus"),
            t("colRequests"),
            tc("colActions"),
          ]}
          rows={rounds.map((round) => {
            const name = `${formatAcademicYear(round.academicYear)}, ${te(`period.${round.semester}`)}`;
            return [
              formatAcademicYear(round.academicYear),
              te(`period.${round.semester}`),
              day(round.releaseAt),
              te(`allocationPolicy.${round.policy}`),
              round.releasedAt
                ? t("releasedOn", { date: instant(round.releasedAt) })
                : canRelease(round, now)
                  ? t("releasable")
                  : t("notReleased"),
              round._count.requests,
              <span key="actions" className="flex flex-wrap gap-3">
                <EditLink
                  href={`/admin/housing-rounds/${round.id}`}
                  label={canEditRound(round) ? tc("edit") : t("view")}
                  name={name}
                />
                <EditLink href={`/review/housing/rounds/${round.id}`} label={t("releaseLink")} name={name} />
              </span>,
            ];
          })}
        />
      )}
    </div>
  );
}
