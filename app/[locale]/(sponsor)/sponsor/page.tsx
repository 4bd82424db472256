import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { countryName } from "@/lib/i18n/countries";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { getOwnSponsorProfile } from "@/lib/integration/sponsorship/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "integration.sponsorHome" });
  return { title: t("title") };
}

/** R-INT-8: the sponsor's students, confirmed by the office: each with name and e-mail. */
export default async function SponsorHomePage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["SPONSOR"], "/sponsor");
  const [t, format, profile] = await Promise.all([
    getTranslations({ locale, namespace: "integration.sponsorHome" }),
    getFormatter({ locale }),
    getOwnSponsorProfile(viewer),
  ]);
  const students = profile?.students ?? [];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} intro={t("intro")}>
        {profile && <p>{t("profile", { count: profile.capacity })}</p>}
      </PageHeader>
      {students.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[
            t("columns.name"),
            t("columns.email"),
            t("columns.country"),
            t("columns.faculty"),
            t("columns.arrival"),
          ]}
          rows={students.map((student) => [
            <Link key="name" href={`/sponsor/students/${student.id}`} className="font-medium text-brand underline">
              {student.name}
            </Link>,
            <a key="email" href={`mailto:${student.email}`} className="text-brand underline">
              {student.email}
            </a>,
            student.country ? countryName(student.country, locale) : t("unknown"),
            student.component ? (locale === "fr" ? student.component.nameFr : student.component.nameEn) : t("unknown"),
            student.arrivalDate
              ? format.dateTime(student.arrivalDate, { dateStyle: "long", timeZone: "UTC" })
              : t("unknown"),
          ])}
        />
      )}
    </div>
  );
}
