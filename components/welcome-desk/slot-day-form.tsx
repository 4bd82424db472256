"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { bookWelcomeDeskSlotAction } from "@/lib/welcome-desk/actions";

export interface DaySlot {
  id: string;
  /** "09:00" and "09:30", formatted in Paris time by the page. */
  start: string;
  end: string;
  placesLeft: number;
  bookable: boolean;
  /** The student's own visit. */
  mine: boolean;
}

/**
 * R-VIS-5: one day's times of one desk, as a radio group with one button. A full (or past)
 * time is shown, and cannot be chosen; the server checks again, so a time that filled up
 * meanwhile answers "full" next to the group. A student with a visit moves it here, after
 * confirming: moving gives up the visit they have.
 */
export function SlotDayForm({
  dayKey,
  dayLabel,
  slots,
  currentBooking,
}: {
  dayKey: string;
  dayLabel: string;
  slots: DaySlot[];
  /** The student's visit as read on the page ("Monday 31 August, 09:00–09:30"), or null. */
  currentBooking: string | null;
}) {
  const t = useTranslations("welcomeDesk.slots");
  const { failed, formAction } = useFormAction(bookWelcomeDeskSlotAction);
  const error = failed?.fieldErrors.slotId;
  const errorId = `slots-${dayKey}-error`;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4">
      <FormAlert message={failed?.message} />
      <fieldset aria-describedby={error ? errorId : undefined} className="flex flex-col gap-2">
        <legend className="font-semibold">{t("dayLegend", { date: dayLabel })}</legend>
        <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {slots.map((slot) => {
            const state = slot.mine ? t("yours") : slot.bookable ? t("left", { count: slot.placesLeft }) : t("full");
            return (
              <li key={slot.id}>
                <label className={`flex items-center gap-2 ${slot.bookable && !slot.mine ? "" : "text-slate-700"}`}>
                  <input
                    type="radio"
                    name="slotId"
                    value={slot.id}
                    disabled={!slot.bookable || slot.mine}
                    defaultChecked={failed?.values.slotId === slot.id}
                    aria-invalid={error ? true : undefined}
                    className="h-4 w-4"
                  />
                  <span>
                    {t("slot", { start: slot.start, end: slot.end })} — {state}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        {error && (
          <p id={errorId} className="text-sm font-medium text-red-800">
            {error}
          </p>
        )}
      </fieldset>
      <div>
        {currentBooking ? (
          <ConfirmSubmitButton
            label={t("move")}
            pendingLabel={t("booking")}
            confirmation={t("moveConfirm", { current: currentBooking })}
            variant="secondary"
            context={t("bookContext", { date: dayLabel })}
          />
        ) : (
          <BookButton label={t("book")} pendingLabel={t("booking")} context={t("bookContext", { date: dayLabel })} />
        )}
      </div>
    </form>
  );
}

function BookButton({ label, pendingLabel, context }: { label: string; pendingLabel: string; context: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending}
      className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark aria-disabled:opacity-70"
    >
      {pending ? pendingLabel : label}
      <span className="sr-only"> {context}</span>
    </button>
  );
}
