"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateLetterheadAction } from "@/lib/letters/actions";

/** R-LET-6: the letterhead of one language, one printed line per line; a refusal keeps the text. */
export function LetterheadForm({ locale, lines, heading }: { locale: "fr" | "en"; lines: string; heading: string }) {
  const t = useTranslations("letters.admin");
  const { failed, succeeded, formAction } = useFormAction(updateLetterheadAction);
  const { value, error } = bindFields(failed);
  const id = `letterhead-${locale}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3 rounded border border-slate-300 p-4">
      <h3 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h3>
      <form action={formAction} noValidate className="flex flex-col gap-3">
        <FormAlert message={failed?.message} />
        <p role="status" className={succeeded ? "font-medium text-green-800" : "sr-only"}>
          {succeeded ? t("letterheadSaved") : ""}
        </p>
        <input type="hidden" name="locale" value={locale} />
        <TextAreaField
          id={`${id}-lines`}
          name="lines"
          label={t("letterheadLines")}
          rows={4}
          required
          defaultValue={value("lines", lines)}
          error={error("lines")}
        />
        <div>
          <SubmitButton label={t("saveLetterhead")} pendingLabel={t("saving")} />
        </div>
      </form>
    </section>
  );
}
