"use client";

import { useTranslations } from "next-intl";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { endOtherSessionsAction, endSessionAction } from "@/lib/account-sessions/actions";

/** R-SEC-8: ends one session of the list (confirmed: that browser must sign in again). */
export function EndSessionForm({
  sessionId,
  current,
  device,
}: {
  sessionId: string;
  current: boolean;
  device: string;
}) {
  const t = useTranslations("accountSessions");
  const { failed, formAction } = useFormAction(endSessionAction);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      {failed && <FormAlert message={failed.message} />}
      <input type="hidden" name="sessionId" value={sessionId} />
      <ConfirmSubmitButton
        variant="secondary"
        label={current ? t("endCurrent") : t("end")}
        pendingLabel={t("ending")}
        confirmation={current ? t("endCurrentConfirm") : t("endConfirm")}
        context={current ? undefined : device}
      />
    </form>
  );
}

/** R-SEC-8: every session but this one ends. */
export function EndOtherSessionsForm() {
  const t = useTranslations("accountSessions");
  const { failed, formAction } = useFormAction(endOtherSessionsAction);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      {failed && <FormAlert message={failed.message} />}
      <ConfirmSubmitButton label={t("endOthers")} pendingLabel={t("ending")} confirmation={t("endOthersConfirm")} />
    </form>
  );
}
