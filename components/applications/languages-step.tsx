"use client";

import { useTranslations } from "next-intl";
import { StepForm, type StepValues } from "@/components/applications/step-form";
import { SelectField } from "@/components/ui/select-field";
import { saveLanguagesAction } from "@/lib/applications/actions";

const levels = ["A1", "A2", "B1", "B2", "C1", "C2"];

export function LanguagesStep({ saved }: { saved: StepValues }) {
  const t = useTranslations("apply");
  const options = [
    ...levels.map((level) => ({ value: level, label: level })),
    { value: "UNKNOWN", label: t("languages.unknown") },
  ];
  return (
    <StepForm action={saveLanguagesAction} saved={saved}>
      {(field) => (
        <>
          {/* R-ELI-3: B2 recommended, not required. */}
          <p className="rounded border border-blue-300 bg-blue-50 p-3">{t("languages.b2Info")}</p>
          <SelectField
            name="frenchLevel"
            label={t("languages.frenchLevel")}
            hint={t("languages.levelHint")}
            options={options}
            placeholder={t("choose")}
            required
            {...field("frenchLevel")}
          />
          <SelectField
            name="englishLevel"
            label={t("languages.englishLevel")}
            hint={t("languages.levelHint")}
            options={options}
            placeholder={t("choose")}
            required
            {...field("englishLevel")}
          />
        </>
      )}
    </StepForm>
  );
}
