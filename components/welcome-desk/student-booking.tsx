"use client";

import { useTranslations } from "next-intl";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { cancelWelcomeDeskBookingAction } from "@/lib/welcome-desk/actions";

/**
 * The student's visit: when and where, the calendar file, and the cancellation (confirmed
 * first: the place goes to someone else). The texts come formatted from the page.
 */
export function StudentBooking({ bookingId, when, where }: { bookingId: string; when: string; where: string }) {
  const t = useTranslations("welcomeDesk.booking");
  const { failed, formAction } = useFormAction(cancelWelcomeDeskBookingAction);
  return (
    <div className="flex flex-col gap-3 rounded border border-green-700 bg-green-50 p-4">
      <p className="font-medium" data-testid="welcome-desk-booking">
        {when}
      </p>
      <p>{where}</p>
      <p>
        {/* A file download, not a page: a plain link, outside the locale's routes. */}
        <a
          href={`/api/welcome-desk/bookings/${bookingId}/ics`}
          download="welcome-desk.ics"
          className="font-medium text-brand underline hover:text-brand-dark"
        >
          {t("ics")}
        </a>
      </p>
      <form action={formAction} noValidate className="flex flex-col gap-3">
        <FormAlert message={failed?.message} />
        <input type="hidden" name="bookingId" value={bookingId} />
        <div>
          <ConfirmSubmitButton label={t("cancel")} pendingLabel={t("cancelling")} confirmation={t("cancelConfirm")} />
        </div>
      </form>
      <p className="text-sm text-slate-700">{t("moveHint")}</p>
    </div>
  );
}
