import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddTeacherForm, AssignMentorForm } from "@/components/integration/mentor-forms";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { listArrivalComponents } from "@/lib/arrival/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { listMentorTeachers, listStudentsForMentoring } from "@/lib/integration/mentors/queries";
import { studentListName } from "@/lib/student-name";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string; assigned?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "integration.mentors" });
  return { title: t("title") };
}

/** R-INT-2: the faculties' mentoring teachers, and one for each accepted student (in bulk). */
export default async function MentorsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], "/review/mentors");
  const [t, tr, teachers, students, faculties, { done, assigned }] = await Promise.all([
    getTranslations({ locale, namespace: "integration.mentors" }),
    getTranslations({ locale, namespace: "review" }),
    listMentorTeachers(viewer),
    listStudentsForMentoring(viewer),
    listArrivalComponents(viewer),
    searchParams,
  ]);
  const count = assigned !== undefined && /^\d+$/.test(assigned) ? Number(assigned) : null;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} intro={t("intro")} back={{ href: "/review", label: tr("title") }}>
        {(done === "added" || count !== null) && (
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
            {count !== null ? t("assigned", { count }) : t("added")}
          </p>
        )}
      </PageHeader>

      <PageSection id="assign-title" title={t("assignTitle")}>
        {students.length === 0 ? (
          <p>{t("studentsNone")}</p>
        ) : teachers.length === 0 ? (
          <p>{t("teachersNone")}</p>
        ) : (
          <AssignMentorForm
            teachers={teachers.map((teacher) => ({
              value: teacher.id,
              label: `${teacher.name} (${teacher.component.code})`,
            }))}
            students={students.map((student) => ({
              value: student.id,
              label: t("studentLabel", {
                name: studentListName(student, (reference) => tr("anonymisedStudent", { reference })),
                faculty: student.component?.code ?? "",
                mentor: student.mentorAssignment?.teacher.name ?? t("noMentor"),
              }),
            }))}
          />
        )}
      </PageSection>

      <PageSection id="teachers-title" title={t("teachersTitle")}>
        {teachers.length > 0 && (
          <DataTable
            caption={t("teachersCaption")}
            columns={[
              t("teacherColumns.name"),
              t("teacherColumns.email"),
              t("teacherColumns.faculty"),
              t("teacherColumns.contact"),
            ]}
            rows={teachers.map((teacher) => [
              teacher.name,
              teacher.email,
              teacher.component.code,
              teacher.contactNote ?? "",
            ])}
          />
        )}
        <h3 className="text-xl font-semibold">{t("addTitle")}</h3>
        <AddTeacherForm
          faculties={faculties.map((faculty) => ({
            value: faculty.id,
            label: locale === "fr" ? faculty.nameFr : faculty.nameEn,
          }))}
        />
      </PageSection>
    </div>
  );
}
