import { getTranslations } from "next-intl/server";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { showsHousingLink } from "@/lib/housing/student/rules";
import { Link } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * The dossier's way to the housing page (/dossier/housing), once there is something there:
 * a room request sent with the application, or an accepted application (home insurance).
 */
export async function StudentHousingLink({
  locale,
  application,
}: {
  locale: AppLocale;
  application: { status: ApplicationStatus; housingRequested: boolean | null };
}) {
  if (!showsHousingLink(application)) return null;
  const t = await getTranslations({ locale, namespace: "housing.dossierLink" });
  return (
    <section
      aria-labelledby="housing-link-title"
      className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-4"
    >
      <h2 id="housing-link-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("text")}</p>
      <p>
        <Link href="/dossier/housing" className="font-medium text-brand underline hover:text-brand-dark">
          {t("link")}
        </Link>
      </p>
    </section>
  );
}
