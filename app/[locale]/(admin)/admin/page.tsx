import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { listAgreements, listComponents, listPartners, listProgrammes } from "@/lib/agreements/queries";
import { academicYearOf, agreementStatus, formatAcademicYear } from "@/lib/agreements/rules";
import { requireRole } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { listUsers } from "@/lib/users/queries";

type Props = { params: Promise<{ locale: string }> };

export default async function AdminPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin");
  const t = await getTranslations({ locale, namespace: "admin" });
  const te = await getTranslations({ locale, namespace: "enums" });
  const [components, partners, agreements, programmes, users] = await Promise.all([
    listComponents(),
    listPartners(),
    listAgreements(),
    listProgrammes(),
    listUsers(),
  ]);
  const thisYear = academicYearOf(new Date());
  const localName = (row: { nameFr: string; nameEn: string }) => (locale === "fr" ? row.nameFr : row.nameEn);
  const levels = (list: ("BACHELOR" | "MASTER" | "DOCTORATE")[]) => list.map((level) => te(`studyLevel.${level}`)).join(", ");

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
        {env().MAIL_SINK_DIR && (
          <p>
            <Link href="/admin/outbox" className="font-medium text-brand underline">
              {t("outbox")}
            </Link>
          </p>
        )}
      </div>
      <DataTable
        caption={t("components")}
        columns={[t("colCode"), t("colName"), t("colCorrespondents")]}
        rows={components.map((component) => [
          component.code,
          localName(component),
          component.correspondents.map((person) => person.name).join(", ") || t("none"),
        ])}
      />
      <DataTable
        caption={t("partners")}
        columns={[t("colName"), t("colCountry"), t("colCity"), t("colErasmus"), t("agreements")]}
        rows={partners.map((partner) => [
          partner.name,
          partner.country,
          partner.city,
          partner.erasmusCode ?? "—",
          partner._count.agreements === 0 ? t("noAgreement") : partner._count.agreements,
        ])}
      />
      <DataTable
        caption={t("agreements")}
        columns={[t("colPartner"), t("colKind"), t("colComponents"), t("colLevels"), t("colYears"), t("colSeats"), t("colStatus")]}
        rows={agreements.map((agreement) => [
          agreement.partner.name,
          te(`agreementKind.${agreement.kind}`),
          agreement.components.map((component) => component.code).join(", "),
          levels(agreement.studyLevels),
          `${formatAcademicYear(agreement.firstAcademicYear)} → ${formatAcademicYear(agreement.lastAcademicYear)}`,
          agreement.incomingSeatsPerYear,
          t(agreementStatus(agreement, thisYear)),
        ])}
      />
      <DataTable
        caption={t("programmes")}
        columns={[t("colName"), t("colComponent"), t("colLevel"), t("colLanguage"), t("colCapacity")]}
        rows={programmes.map((programme) => [
          programme.doubleDegree ? `${localName(programme)} (${t("doubleDegree")}${programme.partner ? ` · ${programme.partner.name}` : ""})` : localName(programme),
          programme.component.code,
          te(`studyLevel.${programme.level}`),
          te(`teachingLanguage.${programme.teachingLanguage}`),
          programme.yearlyCapacity ?? "—",
        ])}
      />
      <DataTable
        caption={t("users")}
        columns={[t("colName"), t("colEmail"), t("colRole"), t("colComponents"), t("colStatus")]}
        rows={users.map((user) => [
          user.name,
          user.email,
          te(`role.${user.role}`),
          user.components.map((component) => component.code).join(", ") || "—",
          user.disabled ? t("disabled") : t("active"),
        ])}
      />
    </div>
  );
}
