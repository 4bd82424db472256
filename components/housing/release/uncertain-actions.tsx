"use client";

import { useTranslations } from "next-intl";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { markDecisionMailSentAction, resendDecisionMailAction } from "@/lib/housing/release/actions";

/**
 * The two explicit ways out of an "uncertain" e-mail (a claim left by a crash). Each is
 * confirmed: marking it sent may leave the student without it, sending again may mail twice.
 */
export function ReleaseUncertainActions({
  roundId,
  housingRequestId,
  studentName,
}: {
  roundId: string;
  housingRequestId: string;
  studentName: string;
}) {
  const t = useTranslations("housingRelease");
  const mark = useFormAction(markDecisionMailSentAction);
  const resend = useFormAction(resendDecisionMailAction);
  const hidden = (
    <>
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="housingRequestId" value={housingRequestId} />
    </>
  );
  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={mark.failed?.message ?? resend.failed?.message} />
      <div className="flex flex-wrap gap-2">
        <form action={mark.formAction}>
          {hidden}
          <ConfirmSubmitButton
            label={t("markSent")}
            pendingLabel={t("working")}
            confirmation={t("markSentConfirm")}
            variant="secondary"
            context={studentName}
          />
        </form>
        <form action={resend.formAction}>
          {hidden}
          <ConfirmSubmitButton
            label={t("resend")}
            pendingLabel={t("working")}
            confirmation={t("resendConfirm")}
            variant="secondary"
            context={studentName}
          />
        </form>
      </div>
    </div>
  );
}
