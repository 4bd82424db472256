import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { requireRole } from "@/lib/auth/guard";
import { countryName } from "@/lib/i18n/countries";
import { pageLocale } from "@/lib/i18n/locale";
import { getSponsoredStudent } from "@/lib/integration/sponsorship/queries";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "integration.sponsorHome" });
  return { title: t("title") };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * R-INT-6, R-INT-8: one student as their sponsor sees them: only a student confirmed with this
 * sponsor; any other id is "not found", like one that does not exist.
 */
export default async function SponsoredStudentPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["SPONSOR"], `/sponsor/students/${id}`);
  const student = uuidPattern.test(id) ? await getSponsoredStudent(viewer, id) : null;
  if (!student) notFound();
  const [t, te, format] = await Promise.all([
    getTranslations({ locale, namespace: "integration.sponsorHome" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
  ]);
  const rows: [string, string][] = [
    [t("fields.email"), student.email],
    [t("fields.country"), student.country ? countryName(student.country, locale) : t("unknown")],
    [
      t("fields.faculty"),
      student.component ? (locale === "fr" ? student.component.nameFr : student.component.nameEn) : t("unknown"),
    ],
    [t("fields.level"), student.studyLevel ? te(`studyLevel.${student.studyLevel}`) : t("unknown")],
    [t("fields.languages"), student.languages.join(", ") || t("unknown")],
    [t("fields.interests"), student.interests.join(", ") || t("unknown")],
    [
      t("fields.arrival"),
      student.arrivalDate ? format.dateTime(student.arrivalDate, { dateStyle: "long", timeZone: "UTC" }) : t("unknown"),
    ],
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("studentTitle", { name: student.name })} back={{ href: "/sponsor", label: t("back") }} />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        {rows.map(([label, text]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
