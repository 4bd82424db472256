"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { academicYearBounds } from "@/lib/academic-year";
import { createAgreementAction, updateAgreementAction } from "@/lib/agreements/actions";
import { eqfLevelChoices, levelSeatFields } from "@/lib/agreements/schemas";
import { AgreementStatus, MobilityPeriod, StudyLevel } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";

type Option = { value: string; label: string };
type Agreement = {
  id: string;
  partnerId: string;
  kind: string;
  componentIds: string[];
  studyLevels: string[];
  firstAcademicYear: number;
  lastAcademicYear: number;
  incomingSeatsPerYear: number;
  status: string;
  eqfLevels: number[];
  iscedCodes: string[];
  languageRequirements: string[];
  instructionLanguages: string[];
  levelSeats: { level: StudyLevel; seatsPerYear: number }[];
  periods: string[];
  /** The signing day as YYYY-MM-DD, for the date field. */
  signedOn: string;
};

/** Creates an agreement (R-PAR-1, R-ELI-1, R-ELI-6), or edits one when `agreement` is given. */
export function AgreementForm({
  agreement,
  partners,
  kinds,
  components,
}: {
  agreement?: Agreement;
  partners: Option[];
  /** R-PAR-1: the kinds of agreement, as the administrators keep them. */
  kinds: Option[];
  components: Option[];
}) {
  const t = useTranslations("admin.agreements");
  const tc = useTranslations("admin.common");
  const te = useTranslations("enums");
  const { failed, form, value, selected, error } = useAdminForm(
    agreement ? updateAgreementAction : createAgreementAction,
  );
  const levels = Object.values(StudyLevel).map((level) => ({ value: level, label: te(`studyLevel.${level}`) }));
  const statuses = Object.values(AgreementStatus).map((status) => ({
    value: status,
    label: te(`agreementStatus.${status}`),
  }));
  const eqfLevels = eqfLevelChoices.map((level) => ({ value: String(level), label: t("eqfLevel", { level }) }));
  const periods = Object.values(MobilityPeriod).map((period) => ({ value: period, label: te(`period.${period}`) }));
  const year = {
    type: "number",
    inputMode: "numeric",
    min: academicYearBounds.min,
    max: academicYearBounds.max,
    required: true,
  } as const;
  return (
    <form {...form} className="flex max-w-2xl flex-col gap-5">
      <FormAlert message={failed?.message} />
      {agreement && <input type="hidden" name="id" value={agreement.id} />}
      <SelectField
        name="partnerId"
        label={t("partner")}
        options={partners}
        placeholder={tc("choose")}
        required
        defaultValue={value("partnerId", agreement?.partnerId)}
        error={error("partnerId")}
      />
      <SelectField
        name="kind"
        label={t("kind")}
        options={kinds}
        placeholder={tc("choose")}
        required
        defaultValue={value("kind", agreement?.kind)}
        error={error("kind")}
      />
      <SelectField
        name="status"
        label={t("status")}
        options={statuses}
        placeholder={tc("choose")}
        required
        defaultValue={value("status", agreement?.status ?? AgreementStatus.DRAFT)}
        error={error("status")}
      />
      <Field
        name="signedOn"
        label={t("signedOn")}
        hint={t("signedOnHint")}
        type="date"
        defaultValue={value("signedOn", agreement?.signedOn)}
        error={error("signedOn")}
      />
      <CheckboxGroup
        name="componentIds"
        legend={t("components")}
        options={components}
        defaultValues={selected("componentIds", agreement?.componentIds ?? [])}
        error={error("componentIds")}
      />
      <CheckboxGroup
        name="studyLevels"
        legend={t("levels")}
        options={levels}
        defaultValues={selected("studyLevels", agreement?.studyLevels ?? [])}
        error={error("studyLevels")}
      />
      <CheckboxGroup
        name="eqfLevels"
        legend={t("eqfLevels")}
        options={eqfLevels}
        defaultValues={selected("eqfLevels", agreement?.eqfLevels.map(String) ?? [])}
        error={error("eqfLevels")}
      />
      <CheckboxGroup
        name="periods"
        legend={t("periods")}
        options={periods}
        defaultValues={selected("periods", agreement?.periods ?? [])}
        error={error("periods")}
      />
      <Field
        name="iscedCodes"
        label={t("iscedCodes")}
        hint={t("iscedCodesHint")}
        defaultValue={value("iscedCodes", agreement?.iscedCodes.join(", "))}
        error={error("iscedCodes")}
      />
      <Field
        name="instructionLanguages"
        label={t("instructionLanguages")}
        hint={t("instructionLanguagesHint")}
        defaultValue={value("instructionLanguages", agreement?.instructionLanguages.join(", "))}
        error={error("instructionLanguages")}
      />
      <Field
        name="languageRequirements"
        label={t("languageRequirements")}
        hint={t("languageRequirementsHint")}
        defaultValue={value("languageRequirements", agreement?.languageRequirements.join(", "))}
        error={error("languageRequirements")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="firstAcademicYear"
          label={t("firstYear")}
          hint={t("yearHint")}
          {...year}
          defaultValue={value("firstAcademicYear", agreement?.firstAcademicYear)}
          error={error("firstAcademicYear")}
        />
        <Field
          name="lastAcademicYear"
          label={t("lastYear")}
          {...year}
          defaultValue={value("lastAcademicYear", agreement?.lastAcademicYear)}
          error={error("lastAcademicYear")}
        />
      </div>
      <Field
        name="incomingSeatsPerYear"
        label={t("seats")}
        hint={t("seatsHint")}
        type="number"
        inputMode="numeric"
        min={0}
        required
        defaultValue={value("incomingSeatsPerYear", agreement?.incomingSeatsPerYear)}
        error={error("incomingSeatsPerYear")}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="font-medium">{t("levelSeats")}</legend>
        <p className="text-sm text-slate-700">{t("levelSeatsHint")}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {Object.values(StudyLevel).map((level) => (
            <Field
              key={level}
              name={levelSeatFields[level]}
              label={t("levelSeatsOf", { level: te(`studyLevel.${level}`) })}
              type="number"
              inputMode="numeric"
              min={0}
              defaultValue={value(
                levelSeatFields[level],
                agreement?.levelSeats.find((entry) => entry.level === level)?.seatsPerYear,
              )}
              error={error(levelSeatFields[level])}
            />
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
        <Link href="/admin/agreements" className="font-medium text-brand underline">
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}
