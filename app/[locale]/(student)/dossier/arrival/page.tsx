import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ArrivalDeadline } from "@/components/arrival/arrival-deadline";
import { ArrivalDetailsForm } from "@/components/arrival/arrival-details-form";
import { ArrivalSteps } from "@/components/arrival/arrival-steps";
import { ForeignNumberForm } from "@/components/arrival/foreign-number-form";
import { PageHeader } from "@/components/layout/page-header";
import { PageSection } from "@/components/ui/page-section";
import { getStudentArrival } from "@/lib/arrival/queries";
import { isNonEuropean } from "@/lib/arrival/rules";
import { requireRole } from "@/lib/auth/guard";
import { getUploadMaxBytes } from "@/lib/documents/queries";
import { countryOptions } from "@/lib/i18n/countries";
import { pageLocale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { dayToDate } from "@/lib/paris-time";
import { getPortalSettings } from "@/lib/settings/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "arrival" });
  return { title: t("title") };
}

/**
 * The accepted student's arrival (R-VIS-1…6): how and when they came, whether the
 * residence-permit procedure applies to them and why not, their deadline, the steps with
 * their copies and fees, and the AGDREF number that ends it; the welcome desk (R-VIS-5).
 */
export default async function ArrivalPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT"], "/dossier/arrival");
  const [t, arrival, settings] = await Promise.all([
    getTranslations({ locale, namespace: "arrival" }),
    getStudentArrival(viewer),
    getPortalSettings(),
  ]);
  const contactEmail = settings.incomingEmail ?? "";

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} intro={t("intro")} back={{ href: "/dossier", label: t("back") }} />

      {arrival === null ? (
        <div className="flex flex-col gap-3">
          <p>{t("noApplication")}</p>
          <p>
            <Link
              href="/apply"
              className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
            >
              {t("startApplication")}
            </Link>
          </p>
        </div>
      ) : !arrival.accepted ? (
        <p>{t("notAccepted")}</p>
      ) : (
        <>
          <PageSection id="arrival-details" title={t("details.title")}>
            <ArrivalDetailsForm
              countries={countryOptions(locale)}
              acceptedOn={dayToDate(arrival.application.acceptedDay!)}
              saved={{
                nationality: arrival.checklist?.nationality ?? arrival.application.nationality ?? "",
                visaType: arrival.checklist?.visaType ?? "",
                arrivalDate: arrival.checklist?.arrivalDay ?? "",
              }}
            />
          </PageSection>

          {arrival.applicability && !arrival.applicability.applies && (
            <PageSection id="arrival-not-applicable" title={t("notApplicable.title")}>
              <p>
                {t(`notApplicable.${arrival.applicability.reason}`, {
                  nationality: arrival.checklist?.nationality ?? "",
                })}
              </p>
              {contactEmail && <p>{t("notApplicable.contact", { email: contactEmail })}</p>}
            </PageSection>
          )}

          {arrival.applicability?.applies && arrival.procedure && (
            <>
              <PageSection id="arrival-deadline" title={t("deadline.title")}>
                <ArrivalDeadline locale={locale} arrival={arrival} contactEmail={contactEmail} />
              </PageSection>
              <PageSection id="arrival-procedure" title={t("procedure.title")}>
                <p className="font-medium">
                  {localized(locale, arrival.procedure.nameFr, arrival.procedure.nameEn)}{" "}
                  <span className="text-slate-700">
                    ({t("procedure.version", { version: arrival.procedure.version })})
                  </span>
                </p>
                <p>{localized(locale, arrival.procedure.summaryFr, arrival.procedure.summaryEn)}</p>
                <p>{t("procedure.deadlineRule", { months: arrival.procedure.deadlineMonths })}</p>
                <p>
                  {t("procedure.progress", { done: arrival.doneStepIds.size, total: arrival.procedure.steps.length })}
                </p>
                <ArrivalSteps locale={locale} arrival={arrival} maxBytes={getUploadMaxBytes()} />
              </PageSection>
              <PageSection id="arrival-number" title={t("number.title")}>
                {arrival.checklist?.foreignNumber && (
                  <p
                    role="status"
                    className="rounded border border-green-700 bg-green-50 p-3 font-medium text-green-900"
                  >
                    {t("number.recorded", { number: arrival.checklist.foreignNumber })}
                  </p>
                )}
                {arrival.canRecordNumber ? (
                  <ForeignNumberForm recorded={arrival.checklist?.foreignNumber ?? null} />
                ) : (
                  <p>{t("number.pending")}</p>
                )}
              </PageSection>
            </>
          )}

          <PageSection id="arrival-welcome-desk" title={t("procedure.welcomeDeskLink")}>
            <p>{t("procedure.welcomeDesk")}</p>
            {isNonEuropean(
              arrival.checklist?.nationality ?? arrival.application.nationality,
              arrival.exemptCountries,
            ) && <p className="font-medium">{t("procedure.welcomeDeskCompulsory")}</p>}
            <p>
              <Link href="/dossier/welcome-desk" className="text-brand underline">
                {t("procedure.welcomeDeskLink")}
              </Link>
            </p>
          </PageSection>
        </>
      )}
    </div>
  );
}
