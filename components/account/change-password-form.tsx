"use client";

import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { changePasswordAction } from "@/lib/accounts/actions";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const ta = useTranslations("auth");
  const { failed, formAction } = useFormAction(changePasswordAction);
  return (
    <form action={formAction} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={failed?.message} />
      <Field
        name="currentPassword"
        id="password-current-password"
        type="password"
        autoComplete="current-password"
        required
        label={t("currentPassword")}
        error={failed?.fieldErrors.currentPassword}
      />
      <NewPasswordFields errors={failed?.fieldErrors} />
      <SubmitButton label={t("changePasswordSubmit")} pendingLabel={ta("submitting")} />
    </form>
  );
}
