"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Names } from "@/components/nominations/nomination-preview";
import { NominationPreview } from "@/components/nominations/nomination-preview";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { importNominationsAction } from "@/lib/nominations/actions";

/**
 * R-ELI-2: the partner's CSV, pasted or chosen from disk, previewed (every row's errors, nothing
 * written), then confirmed as a whole. The text is held here, so it survives each answer.
 */
export function NominationImportForm({ names }: { names: Names }) {
  const t = useTranslations("nominations.import");
  const [csv, setCsv] = useState("");
  const [previewed, setPreviewed] = useState<string | null>(null);
  const { failed, succeeded, formAction } = useFormAction(importNominationsAction);
  const preview = succeeded?.preview;
  const clean = preview?.ok === true && preview.errors.length === 0 && preview.rows.length > 0 && previewed === csv;
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (submitter?.value === "preview") setPreviewed(csv);
      }}
      className="flex flex-col gap-4"
    >
      <FormAlert message={failed?.message} />
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t("file")}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (file) setCsv(await file.text());
          }}
        />
      </label>
      <TextAreaField
        name="csv"
        label={t("csv")}
        hint={t("csvHint")}
        rows={8}
        value={csv}
        onChange={(event) => setCsv(event.target.value)}
        error={failed?.fieldErrors?.csv}
      />
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="confirm"
          value="preview"
          className="rounded border border-brand px-4 py-2 font-medium text-brand hover:bg-blue-50"
        >
          {t("preview")}
        </button>
        {clean && (
          <button
            type="submit"
            name="confirm"
            value="confirm"
            className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
          >
            {t("confirm", { count: preview.rows.length })}
          </button>
        )}
      </div>
      <NominationPreview preview={preview} names={names} />
    </form>
  );
}
