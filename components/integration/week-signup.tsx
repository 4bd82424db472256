"use client";

import { useTranslations } from "next-intl";
import { ConfirmedActionForm } from "@/components/integration/confirmed-action-form";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { signUpForIntegrationWeekAction, withdrawFromIntegrationWeekAction } from "@/lib/integration/week/actions";

/** R-INT-1: one session's sign-up button (a seat, or the waiting list once full). */
export function SignUpForm({ sessionId, title, full }: { sessionId: string; title: string; full: boolean }) {
  const t = useTranslations("integration.week");
  const { failed, formAction } = useFormAction(signUpForIntegrationWeekAction);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton
        label={full ? t("joinWaitingList", { title }) : t("signUp", { title })}
        pendingLabel={t("signingUp")}
      />
    </form>
  );
}

/** R-INT-1: withdrawing (confirmed first: a seat goes to the next student). */
export function WithdrawFromWeekForm() {
  const t = useTranslations("integration.week");
  return (
    <ConfirmedActionForm
      action={withdrawFromIntegrationWeekAction}
      label={t("withdraw")}
      pendingLabel={t("withdrawing")}
      confirmation={t("withdrawConfirm")}
    />
  );
}
