import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, CreateLink, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { academicYearOf, formatAcademicYear } from "@/lib/academic-year";
import { kindName } from "@/lib/agreements/kinds/queries";
import { listAgreementsForAdmin } from "@/lib/agreements/queries";
import { agreementStatus } from "@/lib/agreements/rules";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.agreements" });
  return { title: t("title") };
}

export default async function AgreementsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/agreements");
  const t = await getTranslations({ locale, namespace: "admin.agreements" });
  const tc = await getTranslations({ locale, namespace: "admin.common" });
  const te = await getTranslations({ locale, namespace: "enums" });
  const ti = await getTranslations({ locale, namespace: "iias" });
  const [agreements, { done }] = await Promise.all([listAgreementsForAdmin(viewer), searchParams]);
  // R-ELI-1: the status is the one for the current academic year.
  const thisYear = academicYearOf(new Date());
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      <CreateLink href="/admin/agreements/new" label={t("create")} />
      <ul className="flex flex-col gap-1">
        <li>
          <Link href="/admin/agreements/kinds" className="font-medium text-brand underline">
            {t("kindsLink")}
          </Link>
        </li>
        <li>
          <Link href="/admin/agreements/ewp-import" className="font-medium text-brand underline">
            {ti("import.link")}
          </Link>
        </li>
        <li>
          <Link href="/admin/agreements/ewp-compare" className="font-medium text-brand underline">
            {ti("compare.link")}
          </Link>
        </li>
      </ul>
      {agreements.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption", { year: formatAcademicYear(thisYear) })}
          columns={[
            t("colPartner"),
            t("colKind"),
            t("colComponents"),
            t("colLevels"),
            t("colYears"),
            t("colSeats"),
            t("colStatus"),
            tc("colActions"),
          ]}
          rows={agreements.map((agreement) => [
            agreement.partner.name,
            kindName(agreement.agreementKind, locale),
            agreement.components.map((component) => component.code).join(", "),
            agreement.studyLevels.map((level) => te(`studyLevel.${level}`)).join(", "),
            `${formatAcademicYear(agreement.firstAcademicYear)} → ${formatAcademicYear(agreement.lastAcademicYear)}`,
            agreement.incomingSeatsPerYear,
            t(agreementStatus(agreement, thisYear)),
            <EditLink
              key="edit"
              href={`/admin/agreements/${agreement.id}`}
              label={tc("edit")}
              name={`${agreement.partner.name}, ${kindName(agreement.agreementKind, locale)}, ${formatAcademicYear(agreement.firstAcademicYear)} → ${formatAcademicYear(agreement.lastAcademicYear)}`}
            />,
          ])}
        />
      )}
    </div>
  );
}
