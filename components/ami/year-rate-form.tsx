"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { setAmiYearRateAction } from "@/lib/ami/actions";

/** What is saved for a year, in euros as typed ("" when a supplement is not set). */
export interface AmiYearRateValues {
  academicYear: number | null;
  monthlyRate: string;
  lifetimeCapMonths: number | null;
  grantLevelSupplement: string;
  disabilitySupplement: string;
  ruralAreaSupplement: string;
  priorityUrbanAreaSupplement: string;
}

const supplements = [
  "grantLevelSupplement",
  "disabilitySupplement",
  "ruralAreaSupplement",
  "priorityUrbanAreaSupplement",
] as const;

/**
 * R-AMI-2, R-AMI-3: one academic year's figures (a year already set, or a new one when
 * `academicYear` is null). A supplement left empty is not set: nothing is computed for an
 * application it applies to until it is.
 */
export function AmiYearRateForm({ saved, yearLabel }: { saved: AmiYearRateValues; yearLabel: string | null }) {
  const t = useTranslations("ami.rates");
  const { failed, form, value, error } = useAdminForm(setAmiYearRateAction);
  const prefix = `rate-${saved.academicYear ?? "new"}`;
  // Several years' forms share the page: each label names its year, so each field is told apart.
  const label = (text: string) => (yearLabel ? `${text} (${yearLabel})` : text);
  return (
    <form {...form} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4">
      <FormAlert message={failed?.message} />
      {saved.academicYear === null ? (
        <Field
          id={`${prefix}-academicYear`}
          name="academicYear"
          inputMode="numeric"
          label={t("academicYear")}
          hint={t("academicYearHint")}
          required
          defaultValue={value("academicYear", null)}
          error={error("academicYear")}
        />
      ) : (
        <input type="hidden" name="academicYear" value={saved.academicYear} />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id={`${prefix}-monthlyRate`}
          name="monthlyRate"
          inputMode="decimal"
          label={label(t("monthlyRate"))}
          required
          defaultValue={value("monthlyRate", saved.monthlyRate)}
          error={error("monthlyRate")}
        />
        <Field
          id={`${prefix}-lifetimeCapMonths`}
          name="lifetimeCapMonths"
          inputMode="numeric"
          label={label(t("lifetimeCapMonths"))}
          required
          defaultValue={value("lifetimeCapMonths", saved.lifetimeCapMonths)}
          error={error("lifetimeCapMonths")}
        />
        {supplements.map((name) => (
          <Field
            key={name}
            id={`${prefix}-${name}`}
            name={name}
            inputMode="decimal"
            label={label(t(name))}
            hint={t("supplementHint")}
            defaultValue={value(name, saved[name])}
            error={error(name)}
          />
        ))}
      </div>
      <div>
        <SubmitButton label={t("save")} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}
