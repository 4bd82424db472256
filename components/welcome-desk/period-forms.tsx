"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { ConfirmedActionForm } from "@/components/ui/confirmed-action-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  createWelcomeDeskPeriodAction,
  deleteWelcomeDeskPeriodAction,
  updateWelcomeDeskPeriodAction,
} from "@/lib/welcome-desk/actions";

type Period = {
  id: string;
  label: string | null;
  opensOn: string;
  closesOn: string;
  dailyOpensAt: string;
  dailyClosesAt: string;
};

/**
 * R-VIS-7: a period's name, days and daily hours: a new one for a desk (`deskId`), or one to
 * change (`period`). The server refuses a period overlapping another, or leaving booked times
 * out; the form then keeps what was typed. `idPrefix` keeps the fields' ids apart on the page.
 */
export function PeriodForm({ deskId, period, idPrefix }: { deskId?: string; period?: Period; idPrefix: string }) {
  const t = useTranslations("welcomeDesk.admin.periods");
  const td = useTranslations("welcomeDesk.admin.desk");
  const tc = useTranslations("admin.common");
  const { failed, form, value, error } = useAdminForm(
    period ? updateWelcomeDeskPeriodAction : createWelcomeDeskPeriodAction,
  );
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      {period ? (
        <input type="hidden" name="periodId" value={period.id} />
      ) : (
        <input type="hidden" name="deskId" value={deskId} />
      )}
      <Field
        name="label"
        id={`${idPrefix}-label`}
        label={t("label")}
        hint={t("labelHint")}
        maxLength={80}
        autoComplete="off"
        defaultValue={value("label", period?.label ?? null)}
        error={error("label")}
      />
      <div className="flex flex-wrap gap-4">
        <Field
          name="opensOn"
          id={`${idPrefix}-opensOn`}
          type="date"
          label={td("opensOn")}
          required
          defaultValue={value("opensOn", period?.opensOn ?? null)}
          error={error("opensOn")}
        />
        <Field
          name="closesOn"
          id={`${idPrefix}-closesOn`}
          type="date"
          label={td("closesOn")}
          required
          defaultValue={value("closesOn", period?.closesOn ?? null)}
          error={error("closesOn")}
        />
      </div>
      <div className="flex flex-wrap gap-4">
        <Field
          name="dailyOpensAt"
          id={`${idPrefix}-dailyOpensAt`}
          type="time"
          label={td("dailyOpensAt")}
          hint={td("timeHint")}
          required
          defaultValue={value("dailyOpensAt", period?.dailyOpensAt ?? "09:00")}
          error={error("dailyOpensAt")}
        />
        <Field
          name="dailyClosesAt"
          id={`${idPrefix}-dailyClosesAt`}
          type="time"
          label={td("dailyClosesAt")}
          hint={td("timeHint")}
          required
          defaultValue={value("dailyClosesAt", period?.dailyClosesAt ?? "16:00")}
          error={error("dailyClosesAt")}
        />
      </div>
      <div>
        {period ? (
          <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
        ) : (
          <SubmitButton label={t("add")} pendingLabel={tc("saving")} />
        )}
      </div>
    </form>
  );
}

/** R-VIS-7: removes a period and its unbooked times, after confirming; refused while booked. */
export function DeletePeriodForm({ periodId, context }: { periodId: string; context: string }) {
  const t = useTranslations("welcomeDesk.admin.periods");
  return (
    <ConfirmedActionForm
      action={deleteWelcomeDeskPeriodAction}
      fields={{ periodId }}
      label={t("delete")}
      pendingLabel={t("deleting")}
      confirmation={t("deleteConfirm")}
      context={context}
    />
  );
}
