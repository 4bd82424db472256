import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { CallForm } from "@/components/admin/call-forms";
import { applicationYears, formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { defaultCallDates } from "@/lib/calls/rules";
import { listComponentOptions } from "@/lib/components/queries";
import { pageLocale } from "@/lib/i18n/locale";
import { parisWallClockInput } from "@/lib/paris-time";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "calls.admin" });
  return { title: t("newTitle") };
}

const periods = ["S1", "S2", "FULL_YEAR"] as const;

export default async function NewCallPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/calls/new");
  const [t, te] = await Promise.all([
    getTranslations({ locale, namespace: "calls.admin" }),
    getTranslations({ locale, namespace: "enums" }),
  ]);
  // The form starts from next year's semester 1 with AMU's usual dates; the admin changes them.
  const [thisYear, nextYear] = applicationYears(new Date());
  const dates = defaultCallDates(nextYear, "S1");
  const components = await listComponentOptions();
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("newTitle")} intro={t("newIntro")} back="/admin/calls" backLabel={t("title")} />
      <CallForm
        defaults={{
          academicYear: String(nextYear),
          period: "S1",
          componentIds: [],
          opensAt: parisWallClockInput(dates.opensAt),
          nominationDeadline: parisWallClockInput(dates.nominationDeadline),
          applicationDeadline: parisWallClockInput(dates.applicationDeadline),
        }}
        years={[thisYear, nextYear, nextYear + 1].map((year) => ({
          value: String(year),
          label: formatAcademicYear(year),
        }))}
        periods={periods.map((period) => ({ value: period, label: te(`period.${period}`) }))}
        components={components.map((component) => ({
          value: component.id,
          label: locale === "fr" ? component.nameFr : component.nameEn,
        }))}
      />
    </div>
  );
}
