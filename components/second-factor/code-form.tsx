"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { verifySecondFactorAction } from "@/lib/auth/second-factor/actions";

/** The sign-in's second step: a code from the app, or a recovery code. */
export function CodeForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("secondFactor");
  const { failed, formAction } = useFormAction(verifySecondFactorAction);
  return (
    <form action={formAction} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={failed?.message} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={32}
        defaultValue={failed?.values.code}
        error={failed?.fieldErrors.code}
      />
      <SubmitButton label={t("verifySubmit")} pendingLabel={t("submitting")} />
    </form>
  );
}
