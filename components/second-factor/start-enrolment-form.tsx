"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { startEnrolmentAction } from "@/lib/auth/second-factor/actions";

/** Makes a fresh secret; the page then shows it as a QR code and as text. */
export function StartEnrolmentForm() {
  const t = useTranslations("secondFactor");
  const { failed, formAction } = useFormAction(startEnrolmentAction);
  return (
    <form action={formAction} className="flex flex-col items-start gap-3">
      <FormAlert message={failed?.message} />
      <SubmitButton label={t("startSubmit")} pendingLabel={t("starting")} />
    </form>
  );
}
