"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { signInAction } from "@/lib/auth/actions";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const { failed, formAction } = useFormAction(signInAction);
  return (
    <form action={formAction} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={failed?.message} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field
        name="email"
        type="email"
        autoComplete="username"
        required
        label={t("email")}
        defaultValue={failed?.values.email}
        error={failed?.fieldErrors.email}
      />
      <Field
        name="password"
        type="password"
        autoComplete="current-password"
        required
        label={t("password")}
        error={failed?.fieldErrors.password}
      />
      <SubmitButton label={t("submitLogin")} pendingLabel={t("submitting")} />
    </form>
  );
}
