import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { DeleteFleCourseForm, FleCourseForm, IntegrationSessionForm } from "@/components/integration/admin-forms";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { academicYearOf, formatAcademicYear } from "@/lib/academic-year";
import { listArrivalComponents } from "@/lib/arrival/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { listFleCoursesForAdmin } from "@/lib/integration/fle/queries";
import { listIntegrationSessionsForAdmin } from "@/lib/integration/week/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "integration.admin" });
  return { title: t("title") };
}

const dayFormat = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" } as const;

/** R-INT-1: the integration week's sessions and the faculties' FLE courses (admin data). */
export default async function AdminIntegrationPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/integration");
  const [t, format, sessions, courses, components, { done }] = await Promise.all([
    getTranslations({ locale, namespace: "integration.admin" }),
    getFormatter({ locale }),
    listIntegrationSessionsForAdmin(viewer),
    listFleCoursesForAdmin(viewer),
    listArrivalComponents(viewer),
    searchParams,
  ]);
  const nextYear = academicYearOf(new Date()) + 1;
  const day = (date: Date) => format.dateTime(date, dayFormat);
  return (
    <div className="flex flex-col gap-8">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />

      <PageSection id="sessions-title" title={t("sessionsTitle")}>
        {sessions.length === 0 ? (
          <p>{t("sessionsNone")}</p>
        ) : (
          <DataTable
            caption={t("sessionsCaption")}
            columns={[
              t("columns.year"),
              t("columns.session"),
              t("columns.dates"),
              t("columns.place"),
              t("columns.capacity"),
              t("columns.confirmed"),
              t("columns.waiting"),
            ]}
            rows={sessions.map((session) => [
              formatAcademicYear(session.academicYear),
              <Link
                key={session.id}
                href={`/admin/integration/${session.id}`}
                className="font-medium text-brand underline"
              >
                {session.title}
              </Link>,
              `${day(session.startsOn)} – ${day(session.endsOn)}`,
              session.place,
              session.capacity,
              session.confirmed,
              session.waiting,
            ])}
          />
        )}
        <h3 className="text-xl font-semibold">{t("newSession")}</h3>
        <IntegrationSessionForm defaultYear={nextYear} />
      </PageSection>

      <PageSection id="fle-title" title={t("fleTitle")}>
        {courses.length === 0 ? (
          <p>{t("fleNone")}</p>
        ) : (
          <DataTable
            caption={t("fleCaption")}
            columns={[
              t("fleColumns.year"),
              t("fleColumns.component"),
              t("fleColumns.course"),
              t("fleColumns.when"),
              t("fleColumns.place"),
              t("fleColumns.action"),
            ]}
            rows={courses.map((course) => [
              formatAcademicYear(course.academicYear),
              locale === "fr" ? course.component.nameFr : course.component.nameEn,
              course.title,
              course.schedule,
              course.place,
              <DeleteFleCourseForm key={course.id} id={course.id} title={course.title} />,
            ])}
          />
        )}
        <h3 className="text-xl font-semibold">{t("fleNew")}</h3>
        <FleCourseForm
          components={components.map((component) => ({
            value: component.id,
            label: locale === "fr" ? component.nameFr : component.nameEn,
          }))}
          defaultYear={nextYear}
        />
      </PageSection>
    </div>
  );
}
