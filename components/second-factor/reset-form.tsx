"use client";

import { useTranslations } from "next-intl";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { resetSecondFactorAction } from "@/lib/users/actions";

/** R-MFA-6: an administrator removes a staff member's authenticator (after confirmation). */
export function ResetSecondFactorForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("secondFactor");
  const { failed, formAction } = useFormAction(resetSecondFactorAction);
  return (
    <form action={formAction} className="flex flex-col items-start gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="userId" value={userId} />
      <ConfirmSubmitButton
        label={t("adminReset")}
        pendingLabel={t("adminResetting")}
        confirmation={t("adminResetConfirm", { name })}
      />
    </form>
  );
}
