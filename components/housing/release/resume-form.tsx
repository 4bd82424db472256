"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { sendRoundMailsAction } from "@/lib/housing/release/actions";

/** Resumes a round's e-mails after a crash or a mail-server outage: safe to press at any time. */
export function ReleaseResumeForm({ roundId, remaining }: { roundId: string; remaining: number }) {
  const t = useTranslations("housingRelease");
  const { failed, formAction } = useFormAction(sendRoundMailsAction);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="roundId" value={roundId} />
      <p className="text-sm text-slate-700">{t("resumeHint")}</p>
      <div>
        <SubmitButton label={t("resume", { count: remaining })} pendingLabel={t("resuming")} />
      </div>
    </form>
  );
}
