import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { pageLocale } from "@/lib/i18n/locale";
import { listDoubleDegreeAndOffshoreProgrammes } from "@/lib/programmes/queries";
import { getPortalSettings } from "@/lib/settings/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "programmes.doubleDegrees" });
  return { title: t("title") };
}

/**
 * R-ELI-7: double diplomas and offshore programmes are set up by the DRI cooperation
 * managers, not through the application form; the portal lists them (R-ELI-6: with their
 * yearly capacity) and points to the contact.
 */
export default async function DoubleDegreesPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "programmes.doubleDegrees" });
  const te = await getTranslations({ locale, namespace: "enums" });
  const [programmes, settings] = await Promise.all([listDoubleDegreeAndOffshoreProgrammes(), getPortalSettings()]);
  const countries = new Intl.DisplayNames([locale], { type: "region" });
  const email = settings.cooperationEmail;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-lg">{t("intro")}</p>
        <p>{t("setUp")}</p>
        <p>
          {email
            ? t.rich("contact", {
                email,
                mail: (chunks) => (
                  <a href={`mailto:${email}`} className="font-medium text-brand underline">
                    {chunks}
                  </a>
                ),
              })
            : t("contactUnknown")}
        </p>
      </div>
      {programmes.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[
            t("colProgramme"),
            t("colType"),
            t("colPartner"),
            t("colLevel"),
            t("colLanguage"),
            t("colCapacity"),
          ]}
          rows={programmes.map((programme) => [
            locale === "fr" ? programme.nameFr : programme.nameEn,
            [programme.doubleDegree && t("doubleDegree"), programme.offshore && t("offshore")]
              .filter(Boolean)
              .join(", "),
            programme.partner
              ? t("partnerPlace", {
                  name: programme.partner.name,
                  city: programme.partner.city,
                  country: countries.of(programme.partner.country) ?? programme.partner.country,
                })
              : "—",
            te(`studyLevel.${programme.level}`),
            te(`teachingLanguage.${programme.teachingLanguage}`),
            programme.yearlyCapacity ?? t("noCapacity"),
          ])}
        />
      )}
    </div>
  );
}
