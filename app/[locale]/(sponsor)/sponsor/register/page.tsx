import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SponsorRegisterForm } from "@/components/integration/sponsor-register-form";
import { PageHeader } from "@/components/layout/page-header";
import { PageSection } from "@/components/ui/page-section";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { getSponsorRegistration } from "@/lib/integration/sponsorship/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "integration.sponsorRegister" });
  return { title: t("title") };
}

const charterItems = ["welcome", "privacy", "answer"] as const;

/**
 * R-INT-5: a local student, signed in with their own account, offers to sponsor and accepts the
 * charter; an administrator approves them, and the account becomes a sponsor's.
 */
export default async function SponsorRegisterPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT", "SPONSOR"], "/sponsor/register");
  const [t, te, registration] = await Promise.all([
    getTranslations({ locale, namespace: "integration.sponsorRegister" }),
    getTranslations({ locale, namespace: "enums" }),
    getSponsorRegistration(viewer),
  ]);
  const { profile } = registration;
  const status = viewer.role === "SPONSOR" ? "APPROVED" : profile?.status;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} intro={t("intro")}>
        {status && (
          <p
            role="status"
            className="rounded border border-brand bg-blue-50 p-3 font-medium"
            data-testid="sponsor-status"
          >
            {t(`status.${status}`)}
          </p>
        )}
      </PageHeader>
      {viewer.role === "SPONSOR" ? (
        <p>
          <Link href="/sponsor" className="font-medium text-brand underline">
            {t("title")}
          </Link>
        </p>
      ) : registration.incoming ? (
        <p>{t("incoming")}</p>
      ) : (
        status !== "PENDING" && (
          <>
            <PageSection id="charter-title" title={t("charterTitle")}>
              <ul className="list-disc pl-6">
                {charterItems.map((item) => (
                  <li key={item}>{t(`charterItems.${item}`)}</li>
                ))}
              </ul>
            </PageSection>
            <SponsorRegisterForm
              faculties={registration.faculties.map((faculty) => ({
                value: faculty.id,
                label: locale === "fr" ? faculty.nameFr : faculty.nameEn,
              }))}
              cities={(["AIX", "MARSEILLE"] as const).map((city) => ({
                value: city,
                label: te(`housingCity.${city}`),
              }))}
              saved={
                profile
                  ? {
                      componentId: profile.componentId,
                      city: profile.city,
                      languages: profile.languages.join(", "),
                      interests: profile.interests.join(", "),
                      capacity: profile.capacity,
                    }
                  : null
              }
            />
          </>
        )
      )}
    </div>
  );
}
