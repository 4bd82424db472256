import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { AmiDoneNotice } from "@/components/ami/done-notice";
import { AmiYearRateForm } from "@/components/ami/year-rate-form";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { formatAcademicYear } from "@/lib/academic-year";
import { listAmiQueue, listAmiYearRates } from "@/lib/ami/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string; cursor?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "ami.office" });
  return { title: t("title") };
}

const euros = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));

/**
 * The international office's AMI desk (issue 19): the queue with each rule's verdict and the
 * months each student has used, the finance office's export, and the figures of each year.
 */
export default async function AdminAmiPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/ami");
  const { done, cursor } = await searchParams;
  const [t, te, format, queue, rates] = await Promise.all([
    getTranslations({ locale, namespace: "ami" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
    listAmiQueue(viewer, { cursor }),
    listAmiYearRates(viewer),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-8">
      <AdminHeader title={t("office.title")} intro={t("office.intro")} />
      <AmiDoneNotice done={done} />
      <PageSection id="queue" title={t("office.queueTitle")}>
        {queue.items.length === 0 ? (
          <p>{t("office.empty")}</p>
        ) : (
          <DataTable
            caption={t("office.queueCaption")}
            columns={[
              t("office.col.student"),
              t("office.col.stay"),
              t("office.col.months"),
              t("office.col.used"),
              t("office.col.checks"),
              t("office.col.status"),
            ]}
            rows={queue.items.map((item) => {
              const eligibility = item.assessment.eligibility;
              const failed = eligibility?.checks.filter((check) => !check.met) ?? [];
              return [
                <Link key="student" href={`/admin/ami/${item.id}`} className="font-medium text-brand underline">
                  {item.student.name}
                </Link>,
                t("office.stay", { host: item.hostName, start: day(item.startDate), end: day(item.endDate) }),
                item.months,
                eligibility ? eligibility.monthsUsed : "—",
                failed.length === 0
                  ? t("checks.allMet")
                  : failed.map((check) => t(`checks.name.${check.name}`)).join(" · "),
                te(`amiStatus.${item.status}`),
              ];
            })}
          />
        )}
        {queue.nextCursor && (
          <p>
            <Link
              href={{ pathname: "/admin/ami", query: { cursor: queue.nextCursor } }}
              className="text-brand underline"
            >
              {t("office.next")}
            </Link>
          </p>
        )}
        <p className="flex flex-wrap gap-4">
          <a href="/api/ami/export?format=csv" className="font-medium text-brand underline">
            {t("office.exportCsv")}
          </a>
          <a href="/api/ami/export?format=xlsx" className="font-medium text-brand underline">
            {t("office.exportXlsx")}
          </a>
        </p>
      </PageSection>
      <PageSection id="rates" title={t("rates.title")}>
        <p>{t("rates.intro")}</p>
        {rates.map((rate) => (
          <AmiYearRateForm
            key={rate.academicYear}
            yearLabel={formatAcademicYear(rate.academicYear)}
            saved={{
              academicYear: rate.academicYear,
              monthlyRate: euros(rate.monthlyRateCents),
              lifetimeCapMonths: rate.lifetimeCapMonths,
              grantLevelSupplement: euros(rate.grantLevelSupplementCents),
              disabilitySupplement: euros(rate.disabilitySupplementCents),
              ruralAreaSupplement: euros(rate.ruralAreaSupplementCents),
              priorityUrbanAreaSupplement: euros(rate.priorityUrbanAreaSupplementCents),
            }}
          />
        ))}
        <h3 className="text-xl font-semibold">{t("rates.newYear")}</h3>
        <AmiYearRateForm
          yearLabel={null}
          saved={{
            academicYear: null,
            monthlyRate: "",
            lifetimeCapMonths: rates[0]?.lifetimeCapMonths ?? null,
            grantLevelSupplement: "",
            disabilitySupplement: "",
            ruralAreaSupplement: "",
            priorityUrbanAreaSupplement: "",
          }}
        />
      </PageSection>
    </div>
  );
}
