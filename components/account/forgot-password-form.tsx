"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestPasswordResetAction } from "@/lib/accounts/actions";

export function ForgotPasswordForm() {
  const t = useTranslations("account");
  const ta = useTranslations("auth");
  const { failed, formAction } = useFormAction(requestPasswordResetAction);
  return (
    <form action={formAction} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={failed?.message} />
      <Field
        name="email"
        type="email"
        autoComplete="email"
        required
        label={ta("email")}
        defaultValue={failed?.values.email}
        error={failed?.fieldErrors.email}
      />
      <SubmitButton label={t("forgotSubmit")} pendingLabel={ta("submitting")} />
    </form>
  );
}
