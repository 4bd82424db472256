import { getFormatter, getTranslations } from "next-intl/server";
import { InsuranceReviewForms } from "@/components/housing/insurance/review-forms";
import type { Viewer } from "@/lib/auth/viewer";
import { sizeForDisplay } from "@/lib/documents/rules";
import { getInsuranceForStaff } from "@/lib/housing/insurance/queries";
import { canReviewInsurance } from "@/lib/housing/insurance/rules";

/**
 * R-HOU-7, for the reviewer's dossier page: the student's home-insurance certificate (a
 * download link), its status and last review, and, while it awaits review, the forms to
 * approve it or reject it with a note. Renders nothing for a dossier outside the viewer's
 * scope (the page answers "not found" for those anyway).
 */
export async function InsuranceReview({
  applicationId,
  viewer,
}: {
  applicationId: string;
  viewer: Pick<Viewer, "role" | "componentIds">;
}) {
  const insurance = await getInsuranceForStaff(viewer, applicationId);
  if (!insurance) return null;
  const [t, td, format] = await Promise.all([
    getTranslations("housing.review"),
    getTranslations("documents"),
    getFormatter(),
  ]);
  const { certificate } = insurance;
  const paris = { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" } as const;
  const size = certificate ? sizeForDisplay(certificate.size) : null;

  return (
    <section aria-labelledby="insurance-review-title" className="flex flex-col gap-3">
      <h2 id="insurance-review-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("requirement")}</p>
      <div role="status" aria-live="polite" className="flex flex-col gap-1">
        <p>
          <span className="font-medium">{t("statusLabel")}</span>{" "}
          <strong data-testid="insurance-review-status">{t(`status.${insurance.insuranceStatus}`)}</strong>
        </p>
        {insurance.insuranceReviewedAt &&
          (insurance.insuranceStatus === "APPROVED" || insurance.insuranceStatus === "REJECTED") && (
            <p className="text-sm text-slate-700">
              {t("reviewedAt", { date: format.dateTime(insurance.insuranceReviewedAt, paris) })}
            </p>
          )}
      </div>
      {insurance.insuranceStatus === "REJECTED" && insurance.insuranceReviewNote && (
        <div className="rounded border border-slate-300 bg-white p-3">
          <p className="font-medium">{t("noteLabel")}</p>
          <p className="whitespace-pre-line">{insurance.insuranceReviewNote}</p>
        </div>
      )}
      {certificate ? (
        <p>
          <span className="font-medium">{t("certificate")}</span>{" "}
          <a
            href={`/api/documents/${certificate.id}`}
            className="font-medium text-brand underline hover:text-brand-dark"
          >
            <span className="sr-only">{td("downloadPrefix")} </span>
            {certificate.originalName}
          </a>{" "}
          <span className="text-slate-700">
            (
            {size &&
              format.number(size.value, {
                style: "unit",
                unit: size.unit,
                unitDisplay: "short",
                maximumFractionDigits: 1,
              })}
            , {t("uploadedAt", { date: format.dateTime(certificate.createdAt, paris) })})
          </span>
        </p>
      ) : (
        <p>{t("none")}</p>
      )}
      {certificate && canReviewInsurance(insurance.insuranceStatus) && (
        <InsuranceReviewForms applicationId={insurance.id} documentId={certificate.id} />
      )}
    </section>
  );
}
