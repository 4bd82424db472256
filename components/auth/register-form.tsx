"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { registerAction, registerAmuStudentAction } from "@/lib/accounts/actions";

/** Registration of an incoming student, or of an AMU student for the mobility grant (their university address). */
export function RegisterForm({ kind = "incoming", emailHint }: { kind?: "incoming" | "amu"; emailHint?: string }) {
  const t = useTranslations("auth");
  const { failed, formAction } = useFormAction(kind === "amu" ? registerAmuStudentAction : registerAction);
  return (
    <form action={formAction} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={failed?.message} />
      <Field
        name="name"
        autoComplete="name"
        required
        label={t("name")}
        defaultValue={failed?.values.name}
        error={failed?.fieldErrors.name}
      />
      <Field
        name="email"
        type="email"
        autoComplete="email"
        required
        label={t("email")}
        hint={emailHint}
        defaultValue={failed?.values.email}
        error={failed?.fieldErrors.email}
      />
      <Field
        name="password"
        type="password"
        autoComplete="new-password"
        required
        label={t("password")}
        hint={t("passwordHint")}
        error={failed?.fieldErrors.password}
      />
      <Field
        name="passwordConfirmation"
        type="password"
        autoComplete="new-password"
        required
        label={t("passwordConfirmation")}
        error={failed?.fieldErrors.passwordConfirmation}
      />
      <SubmitButton label={t("submitRegister")} pendingLabel={t("submitting")} />
    </form>
  );
}
