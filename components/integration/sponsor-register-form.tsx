"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { applyAsSponsorAction } from "@/lib/integration/sponsorship/actions";

type Saved = { componentId: string; city: string; languages: string; interests: string; capacity: number } | null;

/** R-INT-5: a local student's offer to sponsor, with the charter to accept; keeps what was typed. */
export function SponsorRegisterForm({
  faculties,
  cities,
  saved,
}: {
  faculties: { value: string; label: string }[];
  cities: { value: string; label: string }[];
  saved: Saved;
}) {
  const t = useTranslations("integration.sponsorRegister");
  const { failed, form, value, error, checked } = useAdminForm(applyAsSponsorAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <SelectField
        name="componentId"
        label={t("fields.componentId")}
        placeholder={t("chooseFaculty")}
        options={faculties}
        required
        defaultValue={value("componentId", saved?.componentId)}
        error={error("componentId")}
      />
      <SelectField
        name="city"
        label={t("fields.city")}
        placeholder={t("chooseCity")}
        options={cities}
        required
        defaultValue={value("city", saved?.city)}
        error={error("city")}
      />
      <Field
        name="languages"
        label={t("fields.languages")}
        hint={t("fields.languagesHint")}
        required
        autoComplete="off"
        defaultValue={value("languages", saved?.languages)}
        error={error("languages")}
      />
      <Field
        name="interests"
        label={t("fields.interests")}
        hint={t("fields.interestsHint")}
        autoComplete="off"
        defaultValue={value("interests", saved?.interests)}
        error={error("interests")}
      />
      <SelectField
        name="capacity"
        label={t("fields.capacity")}
        options={["1", "2", "3"].map((count) => ({ value: count, label: count }))}
        required
        defaultValue={value("capacity", saved?.capacity ?? 1)}
        error={error("capacity")}
      />
      <CheckboxField
        name="charter"
        label={t("fields.charter")}
        defaultChecked={checked("charter", false)}
        error={error("charter")}
      />
      <div>
        <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}
