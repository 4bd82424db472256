"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { RadioGroup } from "@/components/ui/radio-group";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveArrivalDetailsAction } from "@/lib/arrival/actions";
import { visaTypes } from "@/lib/arrival/rules";

export interface ArrivalDetailsValues {
  nationality: string;
  visaType: string;
  arrivalDate: string;
}

/**
 * R-VIS-6, R-VIS-1: nationality, visa and arrival date in one form. After a refusal the fields
 * show what the student typed, with the error next to the field; otherwise what was saved.
 */
export function ArrivalDetailsForm({
  saved,
  countries,
  acceptedOn,
}: {
  saved: ArrivalDetailsValues;
  countries: { value: string; label: string }[];
  acceptedOn: Date;
}) {
  const t = useTranslations("arrival.details");
  const { failed, formAction } = useFormAction(saveArrivalDetailsAction);
  const { value: bound, error } = bindFields(failed);
  const value = (name: keyof ArrivalDetailsValues) => bound(name, saved[name]);
  return (
    <form
      key={failed ? JSON.stringify(failed.values) : JSON.stringify(saved)}
      action={formAction}
      noValidate
      className="flex max-w-2xl flex-col gap-5"
    >
      <FormAlert message={failed?.message} />
      <SelectField
        name="nationality"
        label={t("nationality")}
        hint={t("nationalityHint")}
        options={countries}
        placeholder={t("choose")}
        required
        defaultValue={value("nationality")}
        error={error("nationality")}
      />
      <RadioGroup
        name="visaType"
        legend={t("visaType")}
        stacked
        options={visaTypes.map((type) => ({ value: type, label: t(`visaTypeOption.${type}`) }))}
        defaultValue={value("visaType")}
        error={error("visaType")}
      />
      <Field
        name="arrivalDate"
        type="date"
        label={t("arrivalDate")}
        hint={t("arrivalDateHint", { date: acceptedOn })}
        defaultValue={value("arrivalDate")}
        error={error("arrivalDate")}
      />
      <div>
        <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}
