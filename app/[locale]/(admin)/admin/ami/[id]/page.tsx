import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { AmiCheckList } from "@/components/ami/check-list";
import { AmiDecisionForm } from "@/components/ami/decision-form";
import { AmiDoneNotice } from "@/components/ami/done-notice";
import { AmiGrantSchedule } from "@/components/ami/grant-schedule";
import { PageSection } from "@/components/ui/page-section";
import { formatAcademicYear } from "@/lib/academic-year";
import { listAmiDocuments } from "@/lib/ami/documents/queries";
import { getAmiApplicationForOffice } from "@/lib/ami/queries";
import { canDecide } from "@/lib/ami/rules";
import { requireRole } from "@/lib/auth/guard";
import { countryName } from "@/lib/i18n/countries";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "ami.office" });
  return { title: t("detailTitle") };
}

/** One AMI application for the office: the facts, each rule's verdict, the amount, the decision. */
export default async function AdminAmiApplicationPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/ami/${id}`);
  const application = await getAmiApplicationForOffice(viewer, id);
  if (!application) notFound();
  const [t, te, format, { done }, documents] = await Promise.all([
    getTranslations({ locale, namespace: "ami" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
    searchParams,
    listAmiDocuments(viewer, application.id),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "UTC" });
  const euros = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  const { assessment } = application;
  const amount = assessment.amount;
  const yes = (flag: boolean) => (flag ? t("yes") : t("no"));
  const facts: [string, string | number][] = [
    [t("office.fact.student"), `${application.student.name} (${application.student.email})`],
    [t("office.fact.status"), te(`amiStatus.${application.status}`)],
    [t("office.fact.kind"), te(`amiMobilityKind.${application.mobilityKind}`)],
    [t("office.fact.host"), `${application.hostName}, ${countryName(application.country, locale)}`],
    [t("office.fact.dates"), t("student.dates", { start: day(application.startDate), end: day(application.endDate) })],
    [t("office.fact.months"), application.months],
    [t("office.fact.year"), formatAcademicYear(assessment.academicYear)],
    [t("office.fact.curriculum"), yes(application.partOfCurriculum)],
    [t("office.fact.referent"), application.referentTeacher],
    [
      t("office.fact.grant"),
      application.grantLevel === null
        ? te(`amiGrantStatus.${application.grantStatus}`)
        : t("office.grantWithLevel", {
            status: te(`amiGrantStatus.${application.grantStatus}`),
            level: application.grantLevel === 0 ? "0 bis" : String(application.grantLevel),
          }),
    ],
    [t("office.fact.birthDate"), day(application.birthDate)],
    [t("office.fact.disability"), yes(application.disability)],
    [t("office.fact.ruralArea"), yes(application.ruralArea)],
    [t("office.fact.priorityUrbanArea"), yes(application.priorityUrbanArea)],
    [t("office.fact.erasmusPlus"), yes(application.erasmusPlus)],
    [t("office.fact.submitted"), application.submittedAt ? day(application.submittedAt) : "—"],
  ];
  return (
    <div className="flex flex-col gap-8">
      <AdminHeader title={t("office.detailTitle")} back="/admin/ami" backLabel={t("office.title")} />
      <AmiDoneNotice done={done} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {facts.map(([term, detail]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd>{detail}</dd>
          </div>
        ))}
      </dl>
      {application.erasmusPlus && <p>{t("office.cumulation")}</p>}
      <PageSection id="proofs" title={t("proofs.officeTitle")}>
        {documents.length === 0 ? (
          <p>{t("proofs.officeNone")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {documents.map((document) => (
              <li key={document.id}>
                <span className="font-semibold">
                  {document.kind === "AWARD_LETTER" ? t("proofs.awardLetter") : t("proofs.disabilityProof")}
                </span>{" "}
                <a href={`/api/ami/documents/${document.id}`} className="text-brand underline">
                  {document.originalName}
                </a>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
      <PageSection id="checks" title={t("office.checksTitle")}>
        {assessment.eligibility ? (
          <>
            <p>
              {t("office.monthsUsed", {
                used: assessment.eligibility.monthsUsed,
                left: assessment.eligibility.monthsLeft,
                cap: assessment.lifetimeCapMonths ?? 0,
              })}
            </p>
            <AmiCheckList checks={assessment.eligibility.checks} />
          </>
        ) : (
          <p>{t("office.noFigures")}</p>
        )}
      </PageSection>
      <PageSection id="amount" title={t("office.amountTitle")}>
        {amount.ok ? (
          <>
            <p>
              {t("office.amountComputed", {
                months: amount.months,
                rate: euros(amount.monthlyRateCents),
                base: euros(amount.baseCents),
                total: euros(amount.totalCents),
              })}
            </p>
            {amount.supplements.length > 0 && (
              <ul className="list-disc pl-6">
                {amount.supplements.map((supplement) => (
                  <li key={supplement.supplement}>
                    {t("office.supplementLine", {
                      supplement: t(`office.supplement.${supplement.supplement}`),
                      amount: euros(supplement.cents),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p role="status" className="rounded border border-amber-600 bg-amber-50 p-3">
            {amount.missing === "rate"
              ? t("office.rateMissing", { year: formatAcademicYear(amount.academicYear) })
              : t("office.supplementMissing", {
                  year: formatAcademicYear(amount.academicYear),
                  supplement: t(`office.supplement.${amount.missing}`),
                })}
          </p>
        )}
        {application.status === "GRANTED" && application.grantedAmountCents !== null && (
          <>
            <p>{t("office.grantedAmount", { amount: euros(application.grantedAmountCents) })}</p>
            <AmiGrantSchedule schedule={application.schedule} />
          </>
        )}
        {application.decisionReason && (
          <p className="whitespace-pre-line">
            <span className="font-semibold">{t("office.reasonGiven")}</span> {application.decisionReason}
          </p>
        )}
      </PageSection>
      {canDecide(application.status) && (
        <PageSection id="decide" title={t("office.decideTitle")}>
          <AmiDecisionForm
            id={application.id}
            computedAmount={amount.ok ? (amount.totalCents / 100).toFixed(2) : null}
          />
        </PageSection>
      )}
    </div>
  );
}
