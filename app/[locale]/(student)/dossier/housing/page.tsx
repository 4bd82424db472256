import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StudentInsurance } from "@/components/housing/insurance/student-certificate";
import { StudentCityResources } from "@/components/housing/student/city-resources";
import { StudentHousingRequestSection } from "@/components/housing/student/housing-request";
import { PageHeader } from "@/components/layout/page-header";
import { requireRole } from "@/lib/auth/guard";
import { getStudentHousing } from "@/lib/housing/student/queries";
import { showsCityResources } from "@/lib/housing/student/rules";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "housing" });
  return { title: t("title") };
}

/**
 * The student's housing (R-HOU-1…7): their room request as they may see it, the accepted
 * room's reservation, city resources when no room is coming, and the home insurance.
 */
export default async function StudentHousingPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT"], "/dossier/housing");
  const [t, housing] = await Promise.all([
    getTranslations({ locale, namespace: "housing" }),
    getStudentHousing(viewer),
  ]);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} intro={t("intro")} back={{ href: "/dossier", label: t("back") }} />

      {housing === null ? (
        <div className="flex flex-col gap-3">
          <p>{t("noApplication")}</p>
          <p>
            <Link
              href="/apply"
              className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
            >
              {t("startApplication")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <StudentHousingRequestSection locale={locale} request={housing.request} application={housing.application} />
          {showsCityResources(housing.request?.status ?? null) && <StudentCityResources locale={locale} />}
          <StudentInsurance locale={locale} housing={housing} />
        </>
      )}
    </div>
  );
}
