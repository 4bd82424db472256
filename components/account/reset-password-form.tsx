"use client";

import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { resetPasswordAction } from "@/lib/accounts/actions";

/** Sets the password from a reset or invitation link; the token travels in a hidden field. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("account");
  const ta = useTranslations("auth");
  const { failed, formAction } = useFormAction(resetPasswordAction);
  return (
    <form action={formAction} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields errors={failed?.fieldErrors} />
      <SubmitButton label={t("resetSubmit")} pendingLabel={ta("submitting")} />
    </form>
  );
}
