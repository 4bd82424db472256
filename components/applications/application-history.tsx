import { getFormatter, getTranslations } from "next-intl/server";
import { NewApplicationForm } from "@/components/applications/new-application-form";
import { formatAcademicYear } from "@/lib/academic-year";
import { listOwnApplications } from "@/lib/applications/queries";
import type { Viewer } from "@/lib/auth/viewer";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * R-ELI-9: every application the student made, with its status, and the way to start a new one
 * (after a refusal or withdrawal, or to extend semester 1 into semester 2).
 */
export async function ApplicationHistory({ viewer, locale }: { viewer: Viewer; locale: AppLocale }) {
  const [{ applications, canStartNew }, t, te, format] = await Promise.all([
    listOwnApplications(viewer),
    getTranslations({ locale, namespace: "dossier.applications" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
  ]);
  if (applications.length < 2 && !canStartNew) return null;
  return (
    <section aria-labelledby="applications-title" className="flex flex-col gap-3">
      <h2 id="applications-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <ul className="list-disc space-y-1 pl-6">
        {applications.map((application) => (
          <li key={application.id}>
            {t("item", {
              period: application.period ? te(`period.${application.period}`) : t("periodNotChosen"),
              year: application.academicYear ? formatAcademicYear(application.academicYear) : "",
              status: te(`applicationStatus.${application.status}`),
              started: format.dateTime(application.createdAt, { dateStyle: "long", timeZone: "Europe/Paris" }),
            })}
          </li>
        ))}
      </ul>
      {canStartNew && <NewApplicationForm reason={canStartNew.reason} />}
    </section>
  );
}
