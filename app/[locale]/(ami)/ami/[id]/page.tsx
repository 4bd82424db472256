import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { UnverifiedEmailNotice } from "@/components/account/unverified-email-notice";
import { AmiApplicationForm } from "@/components/ami/application-form";
import { AmiDoneNotice } from "@/components/ami/done-notice";
import { AmiGrantSchedule } from "@/components/ami/grant-schedule";
import { AmiProofUpload } from "@/components/ami/proof-upload";
import { AmiSubmitForm } from "@/components/ami/submit-form";
import { PageHeader } from "@/components/layout/page-header";
import { PageSection } from "@/components/ui/page-section";
import { listAmiDocuments } from "@/lib/ami/documents/queries";
import { getMyAmiApplication } from "@/lib/ami/queries";
import { isEditableByStudent, requiredAmiDocuments } from "@/lib/ami/rules";
import { requireRole } from "@/lib/auth/guard";
import { countryOptions } from "@/lib/i18n/countries";
import { pageLocale } from "@/lib/i18n/locale";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ done?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "ami.application" });
  return { title: t("title") };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** One AMI application of the student: its status, and the draft's form, or the decision, amount and schedule. */
export default async function AmiApplicationPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["AMU_STUDENT"], `/ami/${id}`);
  const application = await getMyAmiApplication(viewer, id);
  if (!application) notFound();
  const [t, te, format, { done }, documents] = await Promise.all([
    getTranslations({ locale, namespace: "ami" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
    searchParams,
    listAmiDocuments(viewer, application.id),
  ]);
  const proofLabel = { AWARD_LETTER: t("proofs.awardLetter"), DISABILITY_PROOF: t("proofs.disabilityProof") } as const;
  const euros = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  const editable = isEditableByStudent(application.status);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title={t("application.titleOf", { host: application.hostName })}
        back={{ href: "/ami", label: t("student.title") }}
      >
        <p>
          <span className="font-semibold">{t("application.status")}</span> {te(`amiStatus.${application.status}`)}
        </p>
      </PageHeader>
      <AmiDoneNotice done={done} />
      {application.lateFlag && application.status !== "GRANTED" && (
        <p className="rounded border border-amber-600 bg-amber-50 p-3">{t("application.late")}</p>
      )}
      {application.decisionReason && application.status !== "GRANTED" && (
        <PageSection id="reason" title={t("application.reasonTitle")}>
          <p className="whitespace-pre-line">{application.decisionReason}</p>
        </PageSection>
      )}
      {application.status === "GRANTED" && application.grantedAmountCents !== null && (
        <PageSection id="grant" title={t("application.grantTitle")}>
          <p>
            {t("application.granted", {
              amount: euros(application.grantedAmountCents),
              months: application.months,
            })}
          </p>
          {application.decisionReason && <p className="whitespace-pre-line">{application.decisionReason}</p>}
          <AmiGrantSchedule schedule={application.schedule} />
        </PageSection>
      )}
      {editable && (
        <>
          <UnverifiedEmailNotice viewer={viewer} />
          {requiredAmiDocuments(application).length > 0 && (
            <PageSection id="proofs" title={t("proofs.title")}>
              <p>{t("proofs.intro")}</p>
              {requiredAmiDocuments(application).map((kind) => (
                <AmiProofUpload
                  key={kind}
                  applicationId={application.id}
                  kind={kind}
                  label={proofLabel[kind]}
                  current={documents.find((document) => document.kind === kind) ?? null}
                />
              ))}
            </PageSection>
          )}
          <PageSection id="submit" title={t("application.submitTitle")}>
            <p>{t("application.submitIntro")}</p>
            <AmiSubmitForm id={application.id} />
          </PageSection>
          <PageSection id="edit" title={t("application.editTitle")}>
            <AmiApplicationForm
              saved={{
                ...application,
                startDate: day(application.startDate),
                endDate: day(application.endDate),
                birthDate: day(application.birthDate),
              }}
              countries={countryOptions(locale)}
            />
          </PageSection>
        </>
      )}
    </div>
  );
}
