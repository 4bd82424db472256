"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmEmailAction } from "@/lib/accounts/actions";

/**
 * A button rather than a change on opening the page: mail scanners open links, and only a
 * person should use one up.
 */
export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("account");
  const ta = useTranslations("auth");
  const { failed, formAction } = useFormAction(confirmEmailAction);
  return (
    <form action={formAction} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton label={t("confirmSubmit")} pendingLabel={ta("submitting")} />
    </form>
  );
}
