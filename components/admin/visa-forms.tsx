"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import {
  setYearProcedureAction,
  updateExemptCountriesAction,
  updateFeeAmountAction,
} from "@/lib/visa-procedures/actions";

type Option = { value: string; label: string };

/** The procedure new checklists of one academic year follow. */
export function YearProcedureForm({
  academicYear,
  yearLabel,
  procedureId,
  procedures,
}: {
  academicYear: number;
  yearLabel: string;
  procedureId: string | null;
  procedures: Option[];
}) {
  const t = useTranslations("admin.visa");
  const tc = useTranslations("admin.common");
  const { failed, form, value, error } = useAdminForm(setYearProcedureAction);
  const id = `year-${academicYear}`;
  return (
    <form {...form} className="flex flex-wrap items-end gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="academicYear" value={academicYear} />
      <SelectField
        id={`${id}-procedure`}
        name="procedureId"
        label={t("yearProcedure", { year: yearLabel })}
        options={procedures}
        placeholder={t("noProcedure")}
        required
        defaultValue={value("procedureId", procedureId)}
        error={error("procedureId")}
      />
      <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
    </form>
  );
}

/** A fee's amount in euros (the OFII stamp, the electronic tax stamp). */
export function FeeAmountForm({ feeId, name, amountCents }: { feeId: string; name: string; amountCents: number }) {
  const t = useTranslations("admin.visa");
  const tc = useTranslations("admin.common");
  const { failed, form, value, error } = useAdminForm(updateFeeAmountAction);
  return (
    <form {...form} className="flex flex-wrap items-end gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="feeId" value={feeId} />
      <Field
        id={`fee-${feeId}`}
        name="amount"
        inputMode="decimal"
        label={t("feeAmount", { name })}
        required
        defaultValue={value("amount", (amountCents / 100).toFixed(2))}
        error={error("amount")}
      />
      <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
    </form>
  );
}

/** R-VIS-6: the nationalities that need no visa, as ISO codes. */
export function ExemptCountriesForm({ countries }: { countries: string[] }) {
  const t = useTranslations("admin.visa");
  const tc = useTranslations("admin.common");
  const { failed, form, value, error } = useAdminForm(updateExemptCountriesAction);
  return (
    <form {...form} className="flex max-w-2xl flex-col gap-3">
      <FormAlert message={failed?.message} />
      <TextAreaField
        name="countries"
        label={t("exemptLabel")}
        hint={t("exemptHint")}
        rows={3}
        required
        defaultValue={value("countries", countries.join(" "))}
        error={error("countries")}
      />
      <div>
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
      </div>
    </form>
  );
}
