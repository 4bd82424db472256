import { getTranslations } from "next-intl/server";
import { formatAcademicYear } from "@/lib/academic-year";
import type { ApplicationDetails } from "@/lib/applications/queries";
import type { TPlannedCourse } from "@/lib/applications/schemas";

/** What the student entered, as a description list: on the last step and on the dossier pages. */
export async function ApplicationSummary({
  application,
  locale,
}: {
  application: ApplicationDetails;
  locale: "fr" | "en";
}) {
  const t = await getTranslations({ locale, namespace: "apply.summary" });
  const ta = await getTranslations({ locale, namespace: "apply" });
  const te = await getTranslations({ locale, namespace: "enums" });
  const td = await getTranslations({ locale, namespace: "documents" });
  const localName = (row: { nameFr: string; nameEn: string } | null) =>
    row ? (locale === "fr" ? row.nameFr : row.nameEn) : t("notGiven");
  const courses = (application.plannedCourses as TPlannedCourse[] | null) ?? [];
  const level = (value: string | null) =>
    application.languagesDeclared ? (value ?? ta("languages.unknown")) : t("notGiven");
  const rows: [string, string][] = [
    [t("name"), [application.firstName, application.lastName].filter(Boolean).join(" ") || t("notGiven")],
    [t("university"), application.partner?.name ?? t("notGiven")],
    [t("faculty"), localName(application.component)],
    [t("programme"), application.programme ? localName(application.programme) : t("notGiven")],
    [t("level"), application.studyLevel ? te(`studyLevel.${application.studyLevel}`) : t("notGiven")],
    [t("period"), application.period ? te(`period.${application.period}`) : t("notGiven")],
    [t("year"), application.academicYear ? formatAcademicYear(application.academicYear) : t("notGiven")],
    [
      t("courses"),
      courses.length
        ? courses.map((course) => `${course.title} (${course.ects} ECTS, ${course.semester})`).join(" · ")
        : t("notGiven"),
    ],
    [t("french"), level(application.frenchLevel)],
    [t("english"), level(application.englishLevel)],
    [
      t("housing"),
      application.housingRequested === null
        ? t("notGiven")
        : application.housingRequested
          ? t("requested", { city: application.housingCity ? te(`housingCity.${application.housingCity}`) : "" })
          : t("notRequested"),
    ],
    [t("documents"), application.documents.map((document) => td(`kind.${document.kind}`)).join(", ") || t("notGiven")],
  ];
  return (
    <section aria-labelledby="summary-title" className="rounded border border-slate-300 bg-white p-4">
      <h3 id="summary-title" className="mb-3 text-xl font-semibold">
        {ta("submit.summary")}
      </h3>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
