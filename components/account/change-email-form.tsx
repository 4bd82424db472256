"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestEmailChangeAction } from "@/lib/accounts/actions";

/** Its fields carry ids of their own: the account page holds the password form too. */
export function ChangeEmailForm() {
  const t = useTranslations("account");
  const ta = useTranslations("auth");
  const { failed, formAction } = useFormAction(requestEmailChangeAction);
  return (
    <form action={formAction} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={failed?.message} />
      <Field
        name="email"
        id="new-email"
        type="email"
        autoComplete="email"
        required
        label={t("newEmail")}
        defaultValue={failed?.values.email}
        error={failed?.fieldErrors.email}
      />
      <Field
        name="currentPassword"
        id="email-current-password"
        type="password"
        autoComplete="current-password"
        required
        label={t("currentPassword")}
        error={failed?.fieldErrors.currentPassword}
      />
      <SubmitButton label={t("changeEmailSubmit")} pendingLabel={ta("submitting")} />
    </form>
  );
}
