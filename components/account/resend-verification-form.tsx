"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { resendVerificationAction } from "@/lib/accounts/actions";

export function ResendVerificationForm() {
  const t = useTranslations("account");
  const { failed, formAction } = useFormAction(resendVerificationAction);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3">
      <FormAlert message={failed?.message} />
      <div>
        <SubmitButton label={t("resend")} pendingLabel={t("sending")} />
      </div>
    </form>
  );
}
