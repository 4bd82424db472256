"use client";

import { useTranslations } from "next-intl";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { disableSecondFactorAction } from "@/lib/auth/second-factor/actions";

export function DisableSecondFactorForm() {
  const t = useTranslations("secondFactor");
  const { failed, formAction } = useFormAction(disableSecondFactorAction);
  return (
    <form action={formAction} className="flex flex-col items-start gap-3">
      <FormAlert message={failed?.message} />
      <ConfirmSubmitButton
        label={t("disableSubmit")}
        pendingLabel={t("disabling")}
        confirmation={t("disableConfirm")}
      />
    </form>
  );
}
