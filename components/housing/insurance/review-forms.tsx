"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { reviewInsuranceAction } from "@/lib/housing/insurance/actions";

/**
 * Approve, or reject with a note the student reads. Both carry the certificate the reviewer
 * saw: if the student replaced it meanwhile, the server refuses ("this certificate changed").
 */
export function InsuranceReviewForms({ applicationId, documentId }: { applicationId: string; documentId: string }) {
  const t = useTranslations("housing.review");
  const approve = useFormAction(reviewInsuranceAction);
  const reject = useFormAction(reviewInsuranceAction);
  const hidden = (
    <>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="documentId" value={documentId} />
    </>
  );
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form
        action={approve.formAction}
        aria-labelledby="insurance-approve-title"
        className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4"
      >
        <h3 id="insurance-approve-title" className="text-lg font-semibold">
          {t("approveTitle")}
        </h3>
        <FormAlert message={approve.failed?.message} />
        {hidden}
        <input type="hidden" name="decision" value="approve" />
        <div>
          <SubmitButton label={t("approve")} pendingLabel={t("working")} />
        </div>
      </form>
      <form
        action={reject.formAction}
        noValidate
        aria-labelledby="insurance-reject-title"
        className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4"
      >
        <h3 id="insurance-reject-title" className="text-lg font-semibold">
          {t("rejectTitle")}
        </h3>
        <FormAlert message={reject.failed?.message} />
        {hidden}
        <input type="hidden" name="decision" value="reject" />
        <TextAreaField
          id="insurance-reject-note"
          name="note"
          label={t("note")}
          hint={t("noteHint")}
          required
          maxLength={2000}
          defaultValue={reject.failed?.values.note ?? ""}
          error={reject.failed?.fieldErrors.note}
        />
        <div>
          <SubmitButton label={t("reject")} pendingLabel={t("working")} />
        </div>
      </form>
    </div>
  );
}
