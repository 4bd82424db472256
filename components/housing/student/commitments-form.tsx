"use client";

import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { useSubmittedChoices } from "@/components/ui/use-submitted-choices";
import { acceptHousingCommitmentsAction } from "@/lib/housing/student/actions";
import { housingCommitments } from "@/lib/housing/student/rules";

/**
 * R-HOU-5: the three commitments, each ticked explicitly, then accepted with one button (the
 * server refuses a missing box, with the error next to it). Once accepted, the time is shown
 * instead of the form, in the same live region, so the change is announced.
 */
export function StudentCommitmentsForm({
  housingRequestId,
  acceptedAt,
}: {
  housingRequestId: string;
  acceptedAt: string | null;
}) {
  const t = useTranslations("housing.residence.accepted.commitments");
  const { failed, formAction } = useFormAction(acceptHousingCommitmentsAction);
  const { onSubmit, choices } = useSubmittedChoices();

  return (
    <div className="flex flex-col gap-3">
      {acceptedAt ? (
        <ul className="list-disc pl-6">
          {housingCommitments.map((commitment) => (
            <li key={commitment}>{t(`item.${commitment}`)}</li>
          ))}
        </ul>
      ) : (
        <form
          action={formAction}
          onSubmit={onSubmit}
          noValidate
          className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4"
        >
          <FormAlert message={failed?.message} />
          <input type="hidden" name="housingRequestId" value={housingRequestId} />
          <fieldset aria-describedby="commitments-hint" className="flex flex-col gap-3">
            <legend className="font-semibold">{t("legend")}</legend>
            <p id="commitments-hint" className="text-sm text-slate-700">
              {t("hint")}
            </p>
            {housingCommitments.map((commitment) => (
              <CheckboxField
                // Remounted after a refusal, so the boxes show what was sent.
                key={`${commitment}-${failed ? choices(commitment).length : "initial"}`}
                id={`commitment-${commitment}`}
                name={commitment}
                label={t(`item.${commitment}`)}
                defaultChecked={failed ? choices(commitment).length > 0 : false}
                required
                error={failed?.fieldErrors[commitment]}
              />
            ))}
          </fieldset>
          <div>
            <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
          </div>
        </form>
      )}
      <p
        role="status"
        aria-live="polite"
        className={
          acceptedAt ? "rounded border border-green-700 bg-green-50 p-3 font-medium text-green-900" : "sr-only"
        }
      >
        {acceptedAt ? t("acceptedAt", { date: acceptedAt }) : ""}
      </p>
    </div>
  );
}
