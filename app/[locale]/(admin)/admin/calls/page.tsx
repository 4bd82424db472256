import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, CreateLink, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { listCallsForAdmin } from "@/lib/calls/queries";
import { pageLocale } from "@/lib/i18n/locale";
import { parisDeadlineFormat } from "@/lib/paris-time";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "calls.admin" });
  return { title: t("title") };
}

/** R-ELI-8: the calls, their dates in Paris time, their state and their applications counted. */
export default async function CallsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/calls");
  const [t, ts, te, tc, format] = await Promise.all([
    getTranslations({ locale, namespace: "calls.admin" }),
    getTranslations({ locale, namespace: "calls.state" }),
    getTranslations({ locale, namespace: "enums" }),
    getTranslations({ locale, namespace: "admin.common" }),
    getFormatter({ locale }),
  ]);
  const [calls, { done }] = await Promise.all([listCallsForAdmin(viewer), searchParams]);
  const when = (date: Date) => format.dateTime(date, parisDeadlineFormat);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      <CreateLink href="/admin/calls/new" label={t("create")} />
      {calls.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[
            t("colYear"),
            t("colPeriod"),
            t("colOpens"),
            t("colNomination"),
            t("colDeadline"),
            t("colComponents"),
            t("colState"),
            t("colDrafts"),
            t("colSubmitted"),
            tc("colActions"),
          ]}
          rows={calls.map((call) => [
            formatAcademicYear(call.academicYear),
            te(`period.${call.period}`),
            when(call.opensAt),
            when(call.nominationDeadline),
            when(call.applicationDeadline),
            call.components.length === 0
              ? t("everyComponent")
              : call.components.map((component) => (locale === "fr" ? component.nameFr : component.nameEn)).join(", "),
            ts(call.state),
            call.drafts,
            call.submitted,
            <EditLink
              key="edit"
              href={`/admin/calls/${call.id}`}
              label={t("editLink")}
              name={`${formatAcademicYear(call.academicYear)}, ${te(`period.${call.period}`)}`}
            />,
          ])}
        />
      )}
    </div>
  );
}
