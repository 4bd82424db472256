import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { UnverifiedEmailNotice } from "@/components/account/unverified-email-notice";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { listMyAmiApplications, myAmiMonths } from "@/lib/ami/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "ami.student" });
  return { title: t("title") };
}

/** An AMU student's mobility grant: months used and left over their studies, and each application. */
export default async function AmiStudentPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["AMU_STUDENT"], "/ami");
  const [t, te, format, applications, months] = await Promise.all([
    getTranslations({ locale, namespace: "ami.student" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
    listMyAmiApplications(viewer),
    myAmiMonths(viewer),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <UnverifiedEmailNotice viewer={viewer} />
      <PageSection id="months" title={t("monthsTitle")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">{t("monthsGranted")}</dt>
          <dd>{months.granted}</dd>
          <dt className="font-semibold">{t("monthsPending")}</dt>
          <dd>{months.pending}</dd>
          <dt className="font-semibold">{t("monthsLeft")}</dt>
          <dd>
            {months.left === null ? t("capNotSet") : t("monthsLeftOf", { left: months.left, cap: months.cap ?? 0 })}
          </dd>
        </dl>
      </PageSection>
      <PageSection id="applications" title={t("applicationsTitle")}>
        {applications.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <DataTable
            caption={t("applicationsCaption")}
            columns={[t("col.host"), t("col.dates"), t("col.months"), t("col.status"), t("col.amount")]}
            rows={applications.map((application) => [
              <Link key="host" href={`/ami/${application.id}`} className="font-medium text-brand underline">
                {application.hostName}
              </Link>,
              t("dates", { start: day(application.startDate), end: day(application.endDate) }),
              application.months,
              te(`amiStatus.${application.status}`),
              application.grantedAmountCents === null
                ? "—"
                : format.number(application.grantedAmountCents / 100, { style: "currency", currency: "EUR" }),
            ])}
          />
        )}
        <p>
          <Link
            href="/ami/new"
            className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
          >
            {t("new")}
          </Link>
        </p>
      </PageSection>
    </div>
  );
}
