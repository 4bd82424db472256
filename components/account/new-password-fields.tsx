"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/** The two fields of a new password, never refilled after a refusal. */
export function NewPasswordFields({ errors }: { errors?: Record<string, string | undefined> }) {
  const t = useTranslations("account");
  const ta = useTranslations("auth");
  return (
    <>
      <Field
        name="password"
        type="password"
        autoComplete="new-password"
        required
        label={t("newPassword")}
        hint={ta("passwordHint")}
        error={errors?.password}
      />
      <Field
        name="passwordConfirmation"
        type="password"
        autoComplete="new-password"
        required
        label={t("newPasswordConfirmation")}
        error={errors?.passwordConfirmation}
      />
    </>
  );
}
