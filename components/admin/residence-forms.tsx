"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { controlClass } from "@/components/ui/field-frame";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatAcademicYear } from "@/lib/academic-year";
import { ResidenceCity } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import { createResidenceAction, setCapacitiesAction, updateResidenceAction } from "@/lib/residences/actions";
import { maxRooms } from "@/lib/residences/schemas";

type Residence = { id: string; name: string; city: string; address: string | null };

/** Creates a residence, or edits one when `residence` is given. */
export function ResidenceForm({ residence }: { residence?: Residence }) {
  const t = useTranslations("residences.residences");
  const tc = useTranslations("admin.common");
  const te = useTranslations("enums");
  const { failed, form, value, error } = useAdminForm(residence ? updateResidenceAction : createResidenceAction);
  const cities = Object.values(ResidenceCity).map((city) => ({ value: city, label: te(`housingCity.${city}`) }));
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      {residence && <input type="hidden" name="id" value={residence.id} />}
      <Field
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        required
        maxLength={200}
        defaultValue={value("name", residence?.name)}
        error={error("name")}
      />
      <SelectField
        name="city"
        label={t("city")}
        options={cities}
        placeholder={tc("choose")}
        required
        defaultValue={value("city", residence?.city)}
        error={error("city")}
      />
      <Field
        name="address"
        label={t("address")}
        maxLength={300}
        autoComplete="off"
        defaultValue={value("address", residence?.address)}
        error={error("address")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
        <Link href="/admin/residences" className="font-medium text-brand underline">
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}

type CapacityRow = { academicYear: number; semester: "S1" | "S2"; rooms: number | null; accepted: number };

/**
 * R-HOU-1: the rooms of one residence per academic year and semester, saved together. Each
 * input is named by its path (`capacities.0.rooms`) so that a refusal shows next to it; the
 * accepted requests are shown beside it, since the rooms may not go below them.
 */
export function CapacityForm({
  residenceId,
  residenceName,
  rows,
}: {
  residenceId: string;
  residenceName: string;
  rows: CapacityRow[];
}) {
  const t = useTranslations("residences.capacities");
  const tc = useTranslations("admin.common");
  const te = useTranslations("enums");
  const { failed, form, value, error } = useAdminForm(setCapacitiesAction);
  return (
    <form {...form} className="flex flex-col gap-4">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="residenceId" value={residenceId} />
      <DataTable
        caption={t("caption", { name: residenceName })}
        columns={[t("colYear"), t("colSemester"), t("colAccepted"), t("colRooms")]}
        rows={rows.map((row, index) => {
          const name = `capacities.${index}.rooms`;
          const id = `rooms-${row.academicYear}-${row.semester}`;
          const fieldError = error(name);
          const period = `${formatAcademicYear(row.academicYear)}, ${te(`period.${row.semester}`)}`;
          return [
            formatAcademicYear(row.academicYear),
            te(`period.${row.semester}`),
            row.accepted,
            <div key="rooms" className="flex flex-col gap-1">
              <input type="hidden" name={`capacities.${index}.academicYear`} value={row.academicYear} />
              <input type="hidden" name={`capacities.${index}.semester`} value={row.semester} />
              <label htmlFor={id} className="sr-only">
                {t("roomsLabel", { period })}
              </label>
              <input
                id={id}
                name={name}
                type="number"
                inputMode="numeric"
                min={0}
                max={maxRooms}
                required
                defaultValue={value(name, row.rooms ?? 0)}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? `${id}-error` : undefined}
                className={`w-28 ${controlClass}`}
              />
              {fieldError && (
                <p id={`${id}-error`} className="max-w-xs text-sm font-medium text-red-800">
                  {fieldError}
                </p>
              )}
            </div>,
          ];
        })}
      />
      <div>
        <SubmitButton label={t("save")} pendingLabel={tc("saving")} />
      </div>
    </form>
  );
}
