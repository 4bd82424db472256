"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveAmiApplicationAction } from "@/lib/ami/actions";

type Option = { value: string; label: string };

/** What is saved, as the form shows it (dates as yyyy-mm-dd). */
export interface AmiApplicationValues {
  id: string;
  mobilityKind: string;
  hostName: string;
  country: string;
  startDate: string;
  endDate: string;
  partOfCurriculum: boolean;
  referentTeacher: string;
  grantStatus: string;
  grantLevel: number | null;
  birthDate: string;
  disability: boolean;
  ruralArea: boolean;
  priorityUrbanArea: boolean;
  erasmusPlus: boolean;
}

/**
 * The AMI application (issue 19): the mobility, the grant status, the date of birth and the
 * situations that open supplements. Saved as a draft; a refusal keeps what was typed and says
 * which field is wrong.
 */
export function AmiApplicationForm({ saved, countries }: { saved: AmiApplicationValues | null; countries: Option[] }) {
  const t = useTranslations("ami.form");
  const te = useTranslations("enums");
  const { failed, form, value, checked, error } = useAdminForm(saveAmiApplicationAction);
  const box = (name: keyof AmiApplicationValues) => ({
    id: `ami-${name}`,
    name,
    label: t(`${name}` as "disability"),
    defaultChecked: checked(name, Boolean(saved?.[name])),
    error: error(name),
  });
  return (
    <form {...form} className="flex max-w-2xl flex-col gap-6">
      <FormAlert message={failed?.message} />
      {saved && <input type="hidden" name="id" value={saved.id} />}
      <fieldset className="flex flex-col gap-4">
        <legend className="text-xl font-semibold">{t("mobility")}</legend>
        <SelectField
          id="ami-mobilityKind"
          name="mobilityKind"
          label={t("mobilityKind")}
          options={(["STUDIES", "INTERNSHIP"] as const).map((kind) => ({
            value: kind,
            label: te(`amiMobilityKind.${kind}`),
          }))}
          placeholder={t("choose")}
          required
          defaultValue={value("mobilityKind", saved?.mobilityKind)}
          error={error("mobilityKind")}
        />
        <Field
          id="ami-hostName"
          name="hostName"
          label={t("hostName")}
          required
          defaultValue={value("hostName", saved?.hostName)}
          error={error("hostName")}
        />
        <SelectField
          id="ami-country"
          name="country"
          label={t("country")}
          options={countries}
          placeholder={t("choose")}
          required
          defaultValue={value("country", saved?.country)}
          error={error("country")}
        />
        <Field
          id="ami-startDate"
          name="startDate"
          type="date"
          label={t("startDate")}
          required
          defaultValue={value("startDate", saved?.startDate)}
          error={error("startDate")}
        />
        <Field
          id="ami-endDate"
          name="endDate"
          type="date"
          label={t("endDate")}
          hint={t("endDateHint")}
          required
          defaultValue={value("endDate", saved?.endDate)}
          error={error("endDate")}
        />
        <CheckboxField {...box("partOfCurriculum")} />
        <Field
          id="ami-referentTeacher"
          name="referentTeacher"
          label={t("referentTeacher")}
          required
          defaultValue={value("referentTeacher", saved?.referentTeacher)}
          error={error("referentTeacher")}
        />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="text-xl font-semibold">{t("situation")}</legend>
        <SelectField
          id="ami-grantStatus"
          name="grantStatus"
          label={t("grantStatus")}
          options={(["SOCIAL_GRANT", "ANNUAL_ALLOWANCE", "NONE"] as const).map((status) => ({
            value: status,
            label: te(`amiGrantStatus.${status}`),
          }))}
          placeholder={t("choose")}
          required
          defaultValue={value("grantStatus", saved?.grantStatus)}
          error={error("grantStatus")}
        />
        <SelectField
          id="ami-grantLevel"
          name="grantLevel"
          label={t("grantLevel")}
          hint={t("grantLevelHint")}
          options={[0, 1, 2, 3, 4, 5, 6, 7].map((level) => ({
            value: String(level),
            label: level === 0 ? t("level0bis") : String(level),
          }))}
          placeholder={t("noLevel")}
          defaultValue={value("grantLevel", saved?.grantLevel)}
          error={error("grantLevel")}
        />
        <Field
          id="ami-birthDate"
          name="birthDate"
          type="date"
          label={t("birthDate")}
          required
          defaultValue={value("birthDate", saved?.birthDate)}
          error={error("birthDate")}
        />
        <CheckboxField {...box("disability")} hint={t("disabilityHint")} />
        <CheckboxField {...box("ruralArea")} />
        <CheckboxField {...box("priorityUrbanArea")} />
        <CheckboxField {...box("erasmusPlus")} hint={t("erasmusPlusHint")} />
      </fieldset>
      <div>
        <SubmitButton label={t("save")} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}
