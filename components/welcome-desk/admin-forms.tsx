"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  deleteWelcomeDeskSlotAction,
  generateWelcomeDeskSlotsAction,
  updateWelcomeDeskAction,
} from "@/lib/welcome-desk/actions";
import { slotCapacityBounds, slotMinutesBounds } from "@/lib/welcome-desk/schemas";

type Desk = { id: string; placeName: string | null; address: string | null };

/** R-VIS-5: the desk's place and address; what is left empty is "to be announced". */
export function WelcomeDeskForm({ desk }: { desk: Desk }) {
  const t = useTranslations("welcomeDesk.admin.desk");
  const tc = useTranslations("admin.common");
  const { failed, form, value, error } = useAdminForm(updateWelcomeDeskAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="id" value={desk.id} />
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <Field
        name="placeName"
        label={t("placeName")}
        hint={t("placeNameHint")}
        maxLength={200}
        autoComplete="off"
        defaultValue={value("placeName", desk.placeName)}
        error={error("placeName")}
      />
      <Field
        name="address"
        label={t("address")}
        maxLength={300}
        autoComplete="off"
        defaultValue={value("address", desk.address)}
        error={error("address")}
      />
      <div>
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
      </div>
    </form>
  );
}

/**
 * R-VIS-5, R-VIS-7: bookable times over a range of days of one period, cut from its hours.
 * Each period has its own form: `idPrefix` keeps the fields' ids apart on the page.
 */
export function GenerateSlotsForm({
  periodId,
  idPrefix,
  defaults,
}: {
  periodId: string;
  idPrefix: string;
  defaults: { from: string; to: string };
}) {
  const t = useTranslations("welcomeDesk.admin.generate");
  const { failed, form, value, checked, error } = useAdminForm(generateWelcomeDeskSlotsAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="periodId" value={periodId} />
      <div className="flex flex-wrap gap-4">
        <Field
          name="from"
          id={`${idPrefix}-from`}
          type="date"
          label={t("from")}
          required
          defaultValue={value("from", defaults.from)}
          error={error("from")}
        />
        <Field
          name="to"
          id={`${idPrefix}-to`}
          type="date"
          label={t("to")}
          required
          defaultValue={value("to", defaults.to)}
          error={error("to")}
        />
      </div>
      <div className="flex flex-wrap gap-4">
        <Field
          name="slotMinutes"
          id={`${idPrefix}-slotMinutes`}
          type="number"
          inputMode="numeric"
          min={slotMinutesBounds.min}
          max={slotMinutesBounds.max}
          label={t("slotMinutes")}
          required
          defaultValue={value("slotMinutes", 30)}
          error={error("slotMinutes")}
        />
        <Field
          name="capacity"
          id={`${idPrefix}-capacity`}
          type="number"
          inputMode="numeric"
          min={slotCapacityBounds.min}
          max={slotCapacityBounds.max}
          label={t("capacity")}
          required
          defaultValue={value("capacity", 4)}
          error={error("capacity")}
        />
      </div>
      <CheckboxField
        // Remounted after a refusal, so the box shows what was sent.
        key={failed ? "failed" : "initial"}
        name="weekdaysOnly"
        id={`${idPrefix}-weekdaysOnly`}
        label={t("weekdaysOnly")}
        defaultChecked={checked("weekdaysOnly", true)}
        error={error("weekdaysOnly")}
      />
      <div>
        <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}

/** Deletes a time nobody booked (confirmed first); the row names it for screen readers. */
export function DeleteSlotForm({ slotId, context }: { slotId: string; context: string }) {
  const t = useTranslations("welcomeDesk.admin.slots");
  const { failed, formAction } = useFormAction(deleteWelcomeDeskSlotAction);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-1">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="slotId" value={slotId} />
      <div>
        <ConfirmSubmitButton
          label={t("delete")}
          pendingLabel={t("deleting")}
          confirmation={t("deleteConfirm")}
          variant="secondary"
          context={context}
        />
      </div>
    </form>
  );
}
