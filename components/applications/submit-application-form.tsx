"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { submitApplicationAction } from "@/lib/applications/actions";

export function SubmitApplicationForm({ resubmit }: { resubmit: boolean }) {
  const t = useTranslations("apply.submit");
  const { failed, formAction } = useFormAction(submitApplicationAction);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormAlert message={failed?.message} />
      <div>
        <SubmitButton label={resubmit ? t("resubmit") : t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}
