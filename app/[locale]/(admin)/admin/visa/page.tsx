import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { ExemptCountriesForm, FeeAmountForm, YearProcedureForm } from "@/components/admin/visa-forms";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { academicYearOf, formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localized";
import { getExemptCountries, listFees, listProcedures, listYearProcedures } from "@/lib/visa-procedures/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.visa" });
  return { title: t("title") };
}

/**
 * Residence-permit procedures as data (R-VIS-1…6): which one each academic year follows, every
 * version with how many students started it, the fees and the visa-exempt nationalities.
 */
export default async function VisaAdminPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/visa");
  const [t, procedures, years, fees, exempt, { done }] = await Promise.all([
    getTranslations({ locale, namespace: "admin.visa" }),
    listProcedures(viewer),
    listYearProcedures(viewer),
    listFees(viewer),
    getExemptCountries(),
    searchParams,
  ]);
  const thisYear = academicYearOf(new Date());
  const current = procedures.filter((procedure) => !procedure.supersededAt);
  const options = current.map((procedure) => ({
    value: procedure.id,
    label: `${localized(locale, procedure.nameFr, procedure.nameEn)} (v${procedure.version})`,
  }));

  return (
    <div className="flex flex-col gap-8">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />

      <PageSection id="visa-years" title={t("yearsTitle")}>
        <p>{t("yearsIntro")}</p>
        {[thisYear, thisYear + 1, thisYear + 2].map((academicYear) => (
          <YearProcedureForm
            key={academicYear}
            academicYear={academicYear}
            yearLabel={formatAcademicYear(academicYear)}
            procedureId={years.find((year) => year.academicYear === academicYear)?.procedureId ?? null}
            procedures={options}
          />
        ))}
      </PageSection>

      <PageSection id="visa-procedures" title={t("proceduresTitle")}>
        <DataTable
          caption={t("proceduresCaption", { count: procedures.length })}
          columns={[
            t("col.name"),
            t("col.version"),
            t("col.deadline"),
            t("col.steps"),
            t("col.started"),
            t("col.years"),
            t("col.state"),
          ]}
          rows={procedures.map((procedure) => {
            const name = localized(locale, procedure.nameFr, procedure.nameEn);
            return [
              procedure.supersededAt ? (
                name
              ) : (
                <EditLink key={procedure.id} href={`/admin/visa/${procedure.id}`} label={name} name={t("editSuffix")} />
              ),
              `v${procedure.version}`,
              t("months", { months: procedure.deadlineMonths }),
              String(procedure._count.steps),
              String(procedure._count.checklists),
              procedure.years.map((year) => formatAcademicYear(year.academicYear)).join(", ") || "—",
              procedure.supersededAt ? t("superseded") : t("current"),
            ];
          })}
        />
      </PageSection>

      <PageSection id="visa-fees" title={t("feesTitle")}>
        <p>{t("feesIntro")}</p>
        {fees.map((fee) => (
          <FeeAmountForm
            key={fee.id}
            feeId={fee.id}
            name={localized(locale, fee.nameFr, fee.nameEn)}
            amountCents={fee.amountCents}
          />
        ))}
      </PageSection>

      <PageSection id="visa-exempt" title={t("exemptTitle")}>
        <ExemptCountriesForm countries={exempt} />
      </PageSection>
    </div>
  );
}
