import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/layout/page-header";
import { ChartFigure } from "@/components/statistics/chart-figure";
import { SelectField } from "@/components/ui/select-field";
import { academicYearOf, academicYearOptions } from "@/lib/academic-year";
import { reviewerStatuses } from "@/lib/application-status";
import { requireRole } from "@/lib/auth/guard";
import { countryName } from "@/lib/i18n/countries";
import { pageLocale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localized";
import { getStatistics } from "@/lib/statistics/queries";
import { topWithOther } from "@/lib/statistics/rules";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Bars shown per chart before the rest is summed as "Others". */
const topCount = 12;
const single = (label: string) => [{ key: "count", label, color: "#1d4ed8" }];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "statistics" });
  return { title: t("title") };
}

/** The year's figures for staff: each chart with its table, inside the viewer's scope. */
export default async function StatisticsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], "/review/statistics");
  const thisYear = academicYearOf(new Date());
  const asked = (await searchParams).year;
  const year = z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(thisYear)
    .parse(asked ?? thisYear);
  const [t, te, stats] = await Promise.all([
    getTranslations({ locale, namespace: "statistics" }),
    getTranslations({ locale, namespace: "enums" }),
    getStatistics(viewer, year),
  ]);
  const other = (count: number) => ({ label: t("other"), count });
  const byCall = stats.byCall.map((row) => ({
    ...row,
    label: row.call
      ? t("byCall.call", { period: te(`period.${row.call.period}`), opens: row.call.opensAt })
      : t("byCall.noCall"),
  }));
  const counted = (rows: { label: string; count: number }[]) =>
    topWithOther(rows, topCount, other).map((row) => ({ label: row.label, values: { count: row.count } }));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} intro={t("intro")} back={{ href: "/review", label: t("back") }} />
      <form method="get" className="flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-white p-4">
        <SelectField
          name="year"
          label={t("year")}
          options={academicYearOptions(thisYear, 2)}
          defaultValue={String(year)}
        />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
          {t("show")}
        </button>
      </form>
      <div className="flex flex-col gap-1 rounded border border-slate-300 bg-white p-4">
        <p className="font-medium">{t("total", { count: stats.total })}</p>
        <p>{stats.acceptanceRate === null ? t("noDecision") : t("acceptanceRate", { rate: stats.acceptanceRate })}</p>
      </div>
      <ChartFigure
        id="by-status"
        title={t("byStatus.title")}
        labelHeader={t("byStatus.label")}
        series={single(t("count"))}
        rows={reviewerStatuses.map((status) => ({
          label: te(`applicationStatus.${status}`),
          values: { count: stats.byStatus[status] ?? 0 },
        }))}
      />
      <ChartFigure
        id="by-partner"
        title={t("byPartner.title")}
        labelHeader={t("byPartner.label")}
        series={single(t("count"))}
        rows={counted(stats.byPartner.map((row) => ({ label: row.name ?? t("none"), count: row.count })))}
      />
      <ChartFigure
        id="by-country"
        title={t("byCountry.title")}
        labelHeader={t("byCountry.label")}
        series={single(t("count"))}
        rows={counted(
          stats.byCountry.map((row) => ({
            label: row.country ? countryName(row.country, locale) : t("none"),
            count: row.count,
          })),
        )}
      />
      <ChartFigure
        id="by-component"
        title={t("byComponent.title")}
        labelHeader={t("byComponent.label")}
        series={single(t("count"))}
        rows={counted(
          stats.byComponent.map((row) => ({
            label: row.nameFr && row.nameEn ? localized(locale, row.nameFr, row.nameEn) : t("none"),
            count: row.count,
          })),
        )}
      />
      <ChartFigure
        id="by-call"
        title={t("byCall.title")}
        labelHeader={t("byCall.label")}
        series={[
          { key: "count", label: t("byCall.count"), color: "#1d4ed8" },
          { key: "accepted", label: t("byCall.accepted"), color: "#15803d" },
          { key: "rejected", label: t("byCall.rejected"), color: "#b91c1c" },
        ]}
        rows={byCall.map((row) => ({
          label: row.label,
          values: { count: row.count, accepted: row.accepted, rejected: row.rejected },
        }))}
      />
      <ChartFigure
        id="rate-by-call"
        title={t("byCall.rateTitle")}
        labelHeader={t("byCall.label")}
        series={[{ key: "rate", label: t("byCall.rate"), color: "#1d4ed8" }]}
        rows={byCall.flatMap((row) =>
          row.acceptanceRate === null ? [] : [{ label: row.label, values: { rate: row.acceptanceRate } }],
        )}
        note={t("byCall.rateNote")}
      />
      <ChartFigure
        id="seats"
        title={t("seats.title")}
        labelHeader={t("seats.label")}
        series={[
          { key: "seats", label: t("seats.seats"), color: "#64748b" },
          { key: "used", label: t("seats.used"), color: "#1d4ed8" },
        ]}
        rows={stats.seats.slice(0, topCount).map((row) => ({
          label: row.name,
          values: { seats: row.seats, used: row.used },
        }))}
      />
      <ChartFigure
        id="housing"
        title={t("housing.title")}
        labelHeader={t("housing.label")}
        series={[
          { key: "rooms", label: t("housing.rooms"), color: "#64748b" },
          { key: "offered", label: t("housing.offered"), color: "#1d4ed8" },
        ]}
        rows={stats.housing.map((row) => ({ label: row.name, values: { rooms: row.rooms, offered: row.offered } }))}
      />
      <ChartFigure
        id="arrivals"
        title={t("arrivals.title")}
        labelHeader={t("arrivals.label")}
        series={single(t("count"))}
        rows={(["onTrack", "overdue", "done", "notStarted"] as const).map((group) => ({
          label: t(`arrivals.${group}`),
          values: { count: stats.arrivals[group] },
        }))}
      />
    </div>
  );
}
