import { getFormatter, getTranslations } from "next-intl/server";
import { DocumentUpload } from "@/components/documents/document-upload";
import { getUploadMaxBytes } from "@/lib/documents/queries";
import { showsInsuranceUpload } from "@/lib/housing/insurance/rules";
import type { StudentHousing } from "@/lib/housing/student/queries";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * R-HOU-7: the multi-risk home insurance every student needs, whatever the accommodation. Once
 * the application is accepted, the certificate is uploaded here (the documents' upload, kind
 * INSURANCE_CERTIFICATE, replaceable) and its review by the IR office is shown, with the
 * reviewer's note when rejected.
 */
export async function StudentInsurance({ locale, housing }: { locale: AppLocale; housing: StudentHousing }) {
  const [t, format] = await Promise.all([
    getTranslations({ locale, namespace: "housing.insurance" }),
    getFormatter({ locale }),
  ]);
  const { application, insuranceCertificate } = housing;
  const uploadOpen = showsInsuranceUpload(application.status);
  return (
    <section aria-labelledby="insurance-title" className="flex flex-col gap-3">
      <h2 id="insurance-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("requirement")}</p>
      <p>{t("where")}</p>
      {uploadOpen ? (
        <>
          {/* Live: an upload refreshes the page, and the new status is announced. */}
          <div role="status" aria-live="polite" className="flex flex-col gap-1">
            <p>
              <span className="font-medium">{t("statusLabel")}</span>{" "}
              <strong data-testid="insurance-status">{t(`status.${application.insuranceStatus}`)}</strong>
            </p>
            {application.insuranceReviewedAt &&
              (application.insuranceStatus === "APPROVED" || application.insuranceStatus === "REJECTED") && (
                <p className="text-sm text-slate-700">
                  {t("reviewedAt", {
                    date: format.dateTime(application.insuranceReviewedAt, {
                      dateStyle: "long",
                      timeZone: "Europe/Paris",
                    }),
                  })}
                </p>
              )}
          </div>
          {application.insuranceStatus === "REJECTED" && application.insuranceReviewNote && (
            <div className="flex flex-col gap-1 rounded border border-red-700 bg-red-50 p-3">
              <p className="font-medium">{t("noteLabel")}</p>
              <p className="whitespace-pre-line">{application.insuranceReviewNote}</p>
              <p>{t("uploadAgain")}</p>
            </div>
          )}
          <DocumentUpload
            kind="INSURANCE_CERTIFICATE"
            required
            maxBytes={getUploadMaxBytes()}
            document={
              insuranceCertificate
                ? {
                    id: insuranceCertificate.id,
                    originalName: insuranceCertificate.originalName,
                    size: insuranceCertificate.size,
                  }
                : null
            }
          />
        </>
      ) : (
        <p>{t("afterAcceptance")}</p>
      )}
    </section>
  );
}
