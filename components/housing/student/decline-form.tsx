"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { declineHousingRoomAction } from "@/lib/housing/student/actions";

/**
 * Giving up the room offered (destructive, cannot be undone): the student ticks the
 * confirmation, then presses the button; without the tick the server refuses, with the error
 * next to the box. Once declined the page shows the new status, and focus goes to it.
 */
export function StudentDeclineForm({ housingRequestId, statusId }: { housingRequestId: string; statusId: string }) {
  const t = useTranslations("housing.residence.accepted.decline");
  const { failed, formAction } = useFormAction(declineHousingRoomAction);
  const submitted = useRef(false);

  // A successful decline removes this form with the accepted state: focus would be lost with
  // it, so it goes to the new status.
  useEffect(
    () => () => {
      if (!submitted.current) return;
      if (document.activeElement === document.body || document.activeElement === null)
        document.getElementById(statusId)?.focus();
    },
    [statusId],
  );

  return (
    <form action={formAction} onSubmit={() => (submitted.current = true)} noValidate className="flex flex-col gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="housingRequestId" value={housingRequestId} />
      <CheckboxField
        id="decline-confirm"
        name="confirm"
        label={t("confirm")}
        required
        error={failed?.fieldErrors.confirm}
      />
      <div>
        <DeclineButton label={t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}

function DeclineButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending}
      className="rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 aria-disabled:opacity-70"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
