import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/exports/export-links";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/select-field";
import { academicYearOf, academicYearOptions, formatAcademicYear } from "@/lib/academic-year";
import { listArrivalComponents } from "@/lib/arrival/queries";
import { requireRole } from "@/lib/auth/guard";
import { StudyPeriod } from "@/lib/generated/prisma/enums";
import { pageLocale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { listNominations } from "@/lib/nominations/queries";
import { ZNominationListQuery } from "@/lib/nominations/schemas";
import { filterParams, firstValues } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "nominations.list" });
  return { title: t("title") };
}

/**
 * R-ELI-2: the partners' nominations of the correspondent's faculties (an admin: all), newest
 * first, page by page, with whether each student has applied. Filters live in the URL; the
 * workbook and the CSV take the same ones.
 */
export default async function NominationsListPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], "/review/nominations");
  const raw = firstValues(await searchParams);
  const query = ZNominationListQuery.parse(raw);
  const [t, te, format, components, { rows, nextCursor }] = await Promise.all([
    getTranslations({ locale, namespace: "nominations.list" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
    listArrivalComponents(viewer),
    listNominations(viewer, query),
  ]);
  const thisYear = academicYearOf(new Date());
  const filters = filterParams(query, ["after"]);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} intro={t("intro")} back={{ href: "/review", label: t("back") }} />

      <section aria-labelledby="nomination-filters-title" className="rounded border border-slate-300 bg-white p-4">
        <h2 id="nomination-filters-title" className="mb-3 text-xl font-semibold">
          {t("filtersTitle")}
        </h2>
        <form method="get" className="grid gap-4 sm:grid-cols-4">
          <SelectField
            name="year"
            label={t("filter.year")}
            options={academicYearOptions(thisYear)}
            placeholder={t("filter.any")}
            defaultValue={query.year ?? ""}
          />
          <SelectField
            name="period"
            label={t("filter.period")}
            options={Object.values(StudyPeriod).map((period) => ({ value: period, label: te(`period.${period}`) }))}
            placeholder={t("filter.any")}
            defaultValue={query.period ?? ""}
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
          <SelectField
            name="attached"
            label={t("filter.attached")}
            options={[
              { value: "yes", label: t("filter.attachedYes") },
              { value: "no", label: t("filter.attachedNo") },
            ]}
            placeholder={t("filter.any")}
            defaultValue={query.attached ?? ""}
          />
          <div className="flex items-end gap-4 sm:col-span-4">
            <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
              {t("filter.apply")}
            </button>
            <Link href="/review/nominations" className="text-brand underline">
              {t("filter.reset")}
            </Link>
          </div>
        </form>
        <ExportLinks path="/api/nominations/export" filters={filters} locale={locale} />
      </section>

      {rows.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-4">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("tableCaption")}
          columns={[
            t("col.name"),
            t("col.university"),
            t("col.faculty"),
            t("col.period"),
            t("col.year"),
            t("col.dossier"),
            t("col.recorded"),
          ]}
          rows={rows.map((row) => [
            <span key={row.id} className="break-words">
              {row.studentName}
              <span className="block text-xs text-slate-700">{row.email}</span>
            </span>,
            row.partner.name,
            localized(locale, row.component.nameFr, row.component.nameEn),
            te(`period.${row.period}`),
            formatAcademicYear(row.academicYear),
            row.application ? (
              <Link key="dossier" href={`/review/${row.application.id}`} className="text-brand underline">
                {te(`applicationStatus.${row.application.status}`)}
              </Link>
            ) : (
              t("notApplied")
            ),
            format.dateTime(row.createdAt, { dateStyle: "medium", timeZone: "Europe/Paris" }),
          ])}
        />
      )}
      {nextCursor && (
        <p>
          <Link
            href={{ pathname: "/review/nominations", query: { ...filters, after: nextCursor } }}
            className="font-medium text-brand underline"
          >
            {t("next")}
          </Link>
        </p>
      )}
    </div>
  );
}
