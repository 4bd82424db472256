"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { resumeMassMailAction } from "@/lib/mass-mail/actions";

/** Sends the e-mails never sent (after a restart or a refusal); never a sent one again. */
export function ResumeMassMailForm({ mailingId }: { mailingId: string }) {
  const t = useTranslations("massMail");
  const { failed, formAction } = useFormAction(resumeMassMailAction);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="mailingId" value={mailingId} />
      <p>{t("resumeHint")}</p>
      <div>
        <SubmitButton label={t("resume")} pendingLabel={t("resuming")} />
      </div>
    </form>
  );
}
