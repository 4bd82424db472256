"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { academicYearBounds } from "@/lib/academic-year";
import { AllocationPolicy, Semester } from "@/lib/generated/prisma/enums";
import { createHousingRoundAction, updateHousingRoundAction } from "@/lib/housing/rounds/actions";
import { defaultReleaseDay } from "@/lib/housing/rounds/rules";
import { Link } from "@/lib/i18n/navigation";

type Round = { id: string; releaseDay: string; policy: string };
type Defaults = { academicYear: number; semester: "S1" | "S2" };

/**
 * Creates a release round (R-HOU-3), or edits the date and policy of one when `round` is
 * given. On a new round the date follows the year and semester (July 1 for semester 1,
 * December 1 for semester 2) until the admin types another one.
 */
export function RoundForm({ round, defaults }: { round?: Round; defaults?: Defaults }) {
  const t = useTranslations("residences.rounds");
  const tc = useTranslations("admin.common");
  const te = useTranslations("enums");
  const { failed, form, value, error } = useAdminForm(round ? updateHousingRoundAction : createHousingRoundAction);
  const [releaseDay, setReleaseDay] = useState(
    round?.releaseDay ?? (defaults ? defaultReleaseDay(defaults.academicYear, defaults.semester) : ""),
  );
  const [dateTyped, setDateTyped] = useState(Boolean(round));
  const [chosen, setChosen] = useState<{ year: string; semester: string }>({
    year: String(defaults?.academicYear ?? ""),
    semester: defaults?.semester ?? "",
  });

  function follow(next: { year: string; semester: string }) {
    setChosen(next);
    const year = Number(next.year);
    if (dateTyped || !Number.isInteger(year) || year < academicYearBounds.min || year > academicYearBounds.max) return;
    if (next.semester === "S1" || next.semester === "S2") setReleaseDay(defaultReleaseDay(year, next.semester));
  }

  const semesters = Object.values(Semester).map((semester) => ({ value: semester, label: te(`period.${semester}`) }));
  const policies = Object.values(AllocationPolicy).map((policy) => ({
    value: policy,
    label: te(`allocationPolicy.${policy}`),
  }));
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      {round ? (
        <input type="hidden" name="id" value={round.id} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="academicYear"
            label={t("year")}
            hint={t("yearHint")}
            type="number"
            inputMode="numeric"
            min={academicYearBounds.min}
            max={academicYearBounds.max}
            required
            defaultValue={value("academicYear", defaults?.academicYear)}
            onChange={(event) => follow({ ...chosen, year: event.currentTarget.value })}
            error={error("academicYear")}
          />
          <SelectField
            name="semester"
            label={t("semester")}
            options={semesters}
            placeholder={tc("choose")}
            required
            defaultValue={value("semester", defaults?.semester)}
            onChange={(event) => follow({ ...chosen, semester: event.currentTarget.value })}
            error={error("semester")}
          />
        </div>
      )}
      <Field
        name="releaseAt"
        label={t("releaseAt")}
        hint={t("releaseAtHint")}
        type="date"
        value={releaseDay}
        onChange={(event) => {
          setDateTyped(true);
          setReleaseDay(event.currentTarget.value);
        }}
        error={error("releaseAt")}
      />
      <SelectField
        name="policy"
        label={t("policy")}
        hint={t("policyHint")}
        options={policies}
        required
        defaultValue={value("policy", round?.policy ?? "FIRST_COME")}
        error={error("policy")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
        <Link href="/admin/housing-rounds" className="font-medium text-brand underline">
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}
