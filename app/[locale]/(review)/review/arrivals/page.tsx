import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/exports/export-links";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/select-field";
import { academicYearOf, academicYearOptions, formatAcademicYear } from "@/lib/academic-year";
import { arrivalDossier, arrivalListLimit, listArrivalComponents, listArrivals } from "@/lib/arrival/queries";
import { arrivalStatuses } from "@/lib/arrival/rules";
import { ZArrivalQuery } from "@/lib/arrival/schemas";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { dayToDate } from "@/lib/paris-time";
import { filterParams, firstValues } from "@/lib/search-params";
import { isAnonymised, studentListName } from "@/lib/student-name";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "arrivals" });
  return { title: t("title") };
}

/**
 * Arrivals of the correspondent's components (an admin: all): accepted students, whether the
 * residence-permit procedure applies, their deadline, who is overdue and who is done
 * (R-VIS-1…6). Filters live in the URL; the CSV export takes the same ones.
 */
export default async function ArrivalsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], "/review/arrivals");
  const raw = firstValues(await searchParams);
  const query = ZArrivalQuery.parse(raw);
  const [t, tr, components, { rows, truncated }] = await Promise.all([
    getTranslations({ locale, namespace: "arrivals" }),
    getTranslations({ locale, namespace: "review" }),
    listArrivalComponents(viewer),
    listArrivals(viewer, { status: query.status, academicYear: query.year, componentId: query.component }),
  ]);
  const thisYear = academicYearOf(new Date());
  const filters = filterParams(query);

  const anonymised = (reference: string) => tr("anonymisedStudent", { reference });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} intro={t("intro")} back={{ href: "/review", label: t("back") }} />

      <section aria-labelledby="arrival-filters-title" className="rounded border border-slate-300 bg-white p-4">
        <h2 id="arrival-filters-title" className="mb-3 text-xl font-semibold">
          {t("filtersTitle")}
        </h2>
        <form method="get" className="grid gap-4 sm:grid-cols-3">
          <SelectField
            name="status"
            label={t("filter.status")}
            options={arrivalStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
            placeholder={t("filter.any")}
            defaultValue={query.status ?? ""}
          />
          <SelectField
            name="year"
            label={t("filter.year")}
            options={academicYearOptions(thisYear)}
            placeholder={t("filter.any")}
            defaultValue={query.year ?? ""}
          />
          <SelectField
            name="component"
            label={t("filter.component")}
            options={components.map((component) => ({
              value: component.id,
              label: localized(locale, component.nameFr, component.nameEn),
            }))}
            placeholder={t("filter.any")}
            defaultValue={query.component ?? ""}
          />
          <div className="flex items-end gap-4 sm:col-span-3">
            <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
              {t("filter.apply")}
            </button>
            <Link href="/review/arrivals" className="text-brand underline">
              {t("filter.reset")}
            </Link>
          </div>
        </form>
        <ExportLinks path="/api/arrivals/export" filters={filters} locale={locale} />
      </section>

      {truncated && (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {t("truncated", { limit: arrivalListLimit })}
        </p>
      )}

      {rows.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-4">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("tableCaption", { count: rows.length })}
          columns={[
            t("col.name"),
            t("col.faculty"),
            t("col.year"),
            t("col.nationality"),
            t("col.visa"),
            t("col.arrival"),
            t("col.deadline"),
            t("col.steps"),
            t("col.status"),
          ]}
          rows={rows.map((row) => [
            <Link
              key={row.applicationId}
              href={`/review/${row.applicationId}`}
              className="font-medium text-brand underline"
            >
              {studentListName(arrivalDossier(row), anonymised)}
              {!isAnonymised(arrivalDossier(row)) && (
                <span className="block text-xs font-normal text-slate-700">{row.email}</span>
              )}
            </Link>,
            row.component ? localized(locale, row.component.nameFr, row.component.nameEn) : "—",
            row.academicYear ? formatAcademicYear(row.academicYear) : "—",
            row.nationality ?? "—",
            row.visaType ? t(`visa.${row.visaType}`) : "—",
            row.arrivalDay ? t("date", { date: dayToDate(row.arrivalDay) }) : "—",
            row.deadline ? (
              <span key="deadline">
                {t("date", { date: dayToDate(row.deadline.deadline) })}
                {row.status !== "DONE" && (
                  <span className="block text-xs text-slate-700">
                    {row.deadline.daysLeft < 0
                      ? t("overdueBy", { days: -row.deadline.daysLeft })
                      : t("daysLeft", { days: row.deadline.daysLeft })}
                  </span>
                )}
              </span>
            ) : (
              "—"
            ),
            row.stepsTotal ? t("steps", { done: row.stepsDone, total: row.stepsTotal }) : "—",
            <span
              key="status"
              className={
                row.status === "OVERDUE"
                  ? "font-bold text-red-800"
                  : row.status === "DONE"
                    ? "font-medium text-green-800"
                    : undefined
              }
            >
              {t(`status.${row.status}`)}
            </span>,
          ])}
        />
      )}
    </div>
  );
}
