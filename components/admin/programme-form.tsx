"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { StudyLevel, TeachingLanguage } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import { createProgrammeAction, updateProgrammeAction } from "@/lib/programmes/actions";

type Option = { value: string; label: string };
type Programme = {
  id: string;
  componentId: string;
  nameFr: string;
  nameEn: string;
  level: string;
  teachingLanguage: string;
  doubleDegree: boolean;
  offshore: boolean;
  yearlyCapacity: number | null;
  partnerId: string | null;
};

/** Creates a programme, or edits one when `programme` is given (R-ELI-6: a double degree has its capacity; R-ELI-7). */
export function ProgrammeForm({
  programme,
  components,
  partners,
}: {
  programme?: Programme;
  components: Option[];
  partners: Option[];
}) {
  const t = useTranslations("admin.programmes");
  const tc = useTranslations("admin.common");
  const te = useTranslations("enums");
  const { failed, form, value, checked, error } = useAdminForm(
    programme ? updateProgrammeAction : createProgrammeAction,
  );
  const levels = Object.values(StudyLevel).map((level) => ({ value: level, label: te(`studyLevel.${level}`) }));
  const languages = Object.values(TeachingLanguage).map((language) => ({
    value: language,
    label: te(`teachingLanguage.${language}`),
  }));
  return (
    <form {...form} className="flex max-w-2xl flex-col gap-5">
      <FormAlert message={failed?.message} />
      {programme && <input type="hidden" name="id" value={programme.id} />}
      <SelectField
        name="componentId"
        label={t("component")}
        options={components}
        placeholder={tc("choose")}
        required
        defaultValue={value("componentId", programme?.componentId)}
        error={error("componentId")}
      />
      <Field
        name="nameFr"
        label={t("nameFr")}
        lang="fr"
        required
        maxLength={200}
        defaultValue={value("nameFr", programme?.nameFr)}
        error={error("nameFr")}
      />
      <Field
        name="nameEn"
        label={t("nameEn")}
        lang="en"
        required
        maxLength={200}
        defaultValue={value("nameEn", programme?.nameEn)}
        error={error("nameEn")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="level"
          label={t("level")}
          options={levels}
          placeholder={tc("choose")}
          required
          defaultValue={value("level", programme?.level)}
          error={error("level")}
        />
        <SelectField
          name="teachingLanguage"
          label={t("language")}
          options={languages}
          placeholder={tc("choose")}
          required
          defaultValue={value("teachingLanguage", programme?.teachingLanguage)}
          error={error("teachingLanguage")}
        />
      </div>
      <CheckboxField
        name="doubleDegree"
        label={t("doubleDegreeLabel")}
        hint={t("doubleDegreeHint")}
        defaultChecked={checked("doubleDegree", programme?.doubleDegree ?? false)}
        error={error("doubleDegree")}
      />
      <CheckboxField
        name="offshore"
        label={t("offshoreLabel")}
        hint={t("offshoreHint")}
        defaultChecked={checked("offshore", programme?.offshore ?? false)}
        error={error("offshore")}
      />
      <Field
        name="yearlyCapacity"
        label={t("capacity")}
        hint={t("capacityHint")}
        type="number"
        inputMode="numeric"
        min={1}
        defaultValue={value("yearlyCapacity", programme?.yearlyCapacity)}
        error={error("yearlyCapacity")}
      />
      <SelectField
        name="partnerId"
        label={t("partner")}
        hint={t("partnerHint")}
        options={partners}
        placeholder={t("noPartner")}
        defaultValue={value("partnerId", programme?.partnerId)}
        error={error("partnerId")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
        <Link href="/admin/programmes" className="font-medium text-brand underline">
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}
