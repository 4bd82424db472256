"use client";

import { useTranslations } from "next-intl";
import { StepForm, type StepValues } from "@/components/applications/step-form";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextAreaField } from "@/components/ui/text-area-field";
import { saveHousingAction } from "@/lib/applications/actions";

export function HousingStep({
  saved,
  cities,
  roundReleased,
}: {
  saved: StepValues;
  cities: { value: string; label: string }[];
  /** The decisions of the arrival semester are already out (R-HOU-3). */
  roundReleased: boolean;
}) {
  const t = useTranslations("apply.housing");
  return (
    <StepForm action={saveHousingAction} saved={saved}>
      {(field) => (
        <>
          {/* R-HOU-1 and R-HOU-2, said where the request is made. */}
          <div className="flex flex-col gap-2 rounded border border-amber-400 bg-amber-50 p-3">
            <p className="font-medium">{t("notAutomatic")}</p>
            <p>{t("onlyContact")}</p>
            {roundReleased && <p>{t("roundReleased")}</p>}
          </div>
          <RadioGroup
            name="housingRequested"
            legend={t("housingRequested")}
            options={[
              { value: "yes", label: t("yes") },
              { value: "no", label: t("no") },
            ]}
            {...field("housingRequested")}
          />
          <RadioGroup
            name="housingCity"
            legend={t("housingCity")}
            hint={t("cityHint")}
            options={cities}
            {...field("housingCity")}
          />
          <TextAreaField
            name="housingNeeds"
            label={t("housingNeeds")}
            hint={t("needsHint")}
            maxLength={1000}
            {...field("housingNeeds")}
          />
        </>
      )}
    </StepForm>
  );
}
