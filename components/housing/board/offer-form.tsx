"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { decideHousingAction } from "@/lib/housing/board/actions";

/** Staff confirm that a freed room goes to the next waitlisted request. */
export function BoardOfferForm({
  housingRequestId,
  residenceId,
  label,
}: {
  housingRequestId: string;
  residenceId: string;
  label: string;
}) {
  const t = useTranslations("housingBoard");
  const { failed, formAction } = useFormAction(decideHousingAction);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="housingRequestId" value={housingRequestId} />
      <input type="hidden" name="expectedStatus" value="WAITLISTED" />
      <input type="hidden" name="decision" value="ACCEPTED" />
      <input type="hidden" name="residenceId" value={residenceId} />
      <div>
        <SubmitButton label={label} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}
