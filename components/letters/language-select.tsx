"use client";

import { useTranslations } from "next-intl";
import type { FailedSubmission } from "@/components/ui/form-binding";
import { SelectField } from "@/components/ui/select-field";

/** The language a letter is written in (French or English), keeping the choice after a refusal. */
export function LetterLanguageSelect({
  id,
  label,
  failed,
  defaultLocale,
}: {
  id?: string;
  label: string;
  failed: FailedSubmission | null;
  defaultLocale: string;
}) {
  const tl = useTranslations("letters.language");
  return (
    <SelectField
      id={id}
      name="locale"
      label={label}
      defaultValue={failed?.values.locale ?? defaultLocale}
      error={failed?.fieldErrors.locale}
      options={[
        { value: "fr", label: tl("fr") },
        { value: "en", label: tl("en") },
      ]}
    />
  );
}
