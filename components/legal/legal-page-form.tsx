"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { updateLegalPageAction } from "@/lib/legal/actions";
import type { LegalPageName } from "@/lib/legal/rules";

type Text = { title: string; body: string };

/** R-SEC-9: both languages of one legal page, saved together; a refusal keeps what was typed. */
export function LegalPageForm({ page, fr, en }: { page: LegalPageName; fr: Text; en: Text }) {
  const t = useTranslations("legal.admin");
  const { failed, form, value, error } = useAdminForm(updateLegalPageAction);
  const language = (suffix: "Fr" | "En", legend: string, saved: Text) => (
    <fieldset className="flex flex-col gap-4 rounded border border-slate-300 p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      <Field
        name={`title${suffix}`}
        label={t("pageTitle")}
        required
        defaultValue={value(`title${suffix}`, saved.title)}
        error={error(`title${suffix}`)}
      />
      <TextAreaField
        name={`body${suffix}`}
        label={t("body")}
        rows={18}
        required
        defaultValue={value(`body${suffix}`, saved.body)}
        error={error(`body${suffix}`)}
      />
    </fieldset>
  );
  return (
    <form {...form} className="flex flex-col gap-6">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="page" value={page} />
      {language("Fr", t("french"), fr)}
      {language("En", t("english"), en)}
      <div>
        <SubmitButton label={t("save")} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}
