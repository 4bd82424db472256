"use client";

import { useTranslations } from "next-intl";
import { LetterLanguageSelect } from "@/components/letters/language-select";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { reissueLetterAction } from "@/lib/letters/actions";

/** Staff issue the acceptance letter again, in the language chosen (a correction or the other language). */
export function ReissueLetterForm({ applicationId, defaultLocale }: { applicationId: string; defaultLocale: string }) {
  const t = useTranslations("letters.reissue");
  const { failed, succeeded, formAction } = useFormAction(reissueLetterAction);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3">
      <FormAlert message={failed?.message} />
      <p role="status" className={succeeded ? "font-medium text-green-800" : "sr-only"}>
        {succeeded ? t("done", { code: succeeded.code }) : ""}
      </p>
      <p>{t("hint")}</p>
      <input type="hidden" name="applicationId" value={applicationId} />
      <LetterLanguageSelect label={t("language")} failed={failed} defaultLocale={defaultLocale} />
      <div>
        <SubmitButton label={t("submit")} pendingLabel={t("working")} />
      </div>
    </form>
  );
}
