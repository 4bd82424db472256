import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { academicYearOf, formatAcademicYear } from "@/lib/academic-year";
import { kindName } from "@/lib/agreements/kinds/queries";
import { getCataloguePartner } from "@/lib/catalogue/queries";
import { coversEveryComponent } from "@/lib/catalogue/rules";
import { pageLocale } from "@/lib/i18n/locale";
import { getPortalSettings } from "@/lib/settings/queries";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const locale = await pageLocale(params);
  const partner = await getCataloguePartner(id, academicYearOf(new Date()));
  const t = await getTranslations({ locale, namespace: "catalogue" });
  return { title: partner ? partner.name : t("title") };
}

/** A partner's public page: its agreements for this year and next, its networks, whom to contact. */
export default async function CataloguePartnerPage({ params }: Props) {
  const { id } = await params;
  const locale = await pageLocale(params);
  const thisYear = academicYearOf(new Date());
  const [partner, settings] = await Promise.all([getCataloguePartner(id, thisYear), getPortalSettings()]);
  if (!partner) notFound();
  const t = await getTranslations({ locale, namespace: "catalogue" });
  const te = await getTranslations({ locale, namespace: "enums" });
  const country = new Intl.DisplayNames([locale], { type: "region" }).of(partner.country) ?? partner.country;
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const orNone = (items: string[]) => (items.length ? list.format(items) : t("none"));
  const email = settings.cooperationEmail;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={partner.name} back={{ href: "/partners", label: t("backToList") }}>
        <p className="text-lg">{t("place", { city: partner.city, country })}</p>
        <p>{partner.networks.length ? t("networks", { list: list.format(partner.networks) }) : t("noNetworks")}</p>
      </PageHeader>
      <section aria-labelledby="partner-agreements" className="flex flex-col gap-4">
        <h2 id="partner-agreements" className="text-2xl font-semibold">
          {t("agreementsHeading", { year: formatAcademicYear(thisYear), next: formatAcademicYear(thisYear + 1) })}
        </h2>
        {partner.agreements.map((agreement) => (
          <article
            key={agreement.id}
            aria-labelledby={`agreement-${agreement.id}`}
            className="rounded border border-slate-300 bg-white p-4"
          >
            <h3 id={`agreement-${agreement.id}`} className="text-xl font-semibold">
              {kindName(agreement.agreementKind, locale)}
            </h3>
            <p>
              {t("agreementYears", {
                first: formatAcademicYear(agreement.firstAcademicYear),
                last: formatAcademicYear(agreement.lastAcademicYear),
              })}
            </p>
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">{t("components")}</dt>
              <dd>
                {coversEveryComponent(agreement)
                  ? t("allComponents")
                  : orNone(
                      agreement.components.map((component) => (locale === "fr" ? component.nameFr : component.nameEn)),
                    )}
              </dd>
              <dt className="font-medium">{t("levels")}</dt>
              <dd>{orNone(agreement.studyLevels.map((level) => te(`studyLevel.${level}`)))}</dd>
              <dt className="font-medium">{t("periods")}</dt>
              <dd>{orNone(agreement.periods.map((period) => te(`period.${period}`)))}</dd>
              <dt className="font-medium">{t("eqf")}</dt>
              <dd>{orNone(agreement.eqfLevels.map(String))}</dd>
              <dt className="font-medium">{t("isced")}</dt>
              <dd>{orNone(agreement.iscedCodes)}</dd>
              <dt className="font-medium">{t("seats")}</dt>
              <dd>
                {agreement.levelSeats.length > 0
                  ? t("seatsByLevel", {
                      total: agreement.incomingSeatsPerYear,
                      levels: list.format(
                        agreement.levelSeats.map((entry) =>
                          t("seatsOfLevel", { level: te(`studyLevel.${entry.level}`), seats: entry.seatsPerYear }),
                        ),
                      ),
                    })
                  : agreement.incomingSeatsPerYear}
              </dd>
              <dt className="font-medium">{t("instructionLanguages")}</dt>
              <dd>{orNone(agreement.instructionLanguages.map((language) => languages.of(language) ?? language))}</dd>
              <dt className="font-medium">{t("languages")}</dt>
              <dd>
                {orNone(
                  agreement.languageRequirements.map((requirement) => {
                    const [language = "", level = ""] = requirement.split(":");
                    return `${languages.of(language) ?? language}${level ? ` ${level}` : ""}`;
                  }),
                )}
              </dd>
            </dl>
          </article>
        ))}
      </section>
      <section aria-labelledby="partner-contact" className="flex flex-col gap-2">
        <h2 id="partner-contact" className="text-2xl font-semibold">
          {t("contactHeading")}
        </h2>
        <p>
          {email
            ? t.rich("contact", {
                name: partner.name,
                email,
                mail: (chunks) => (
                  <a href={`mailto:${email}`} className="font-medium text-brand underline">
                    {chunks}
                  </a>
                ),
              })
            : t("contactNoEmail", { name: partner.name })}
        </p>
      </section>
    </div>
  );
}
