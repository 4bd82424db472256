"use client";

import { useTranslations } from "next-intl";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { decideSponsorAction } from "@/lib/integration/sponsorship/actions";

/** R-INT-5: approve a pending sponsor, or refuse them (confirmed first). */
export function SponsorDecisionForms({ sponsorId, name }: { sponsorId: string; name: string }) {
  const t = useTranslations("integration.adminSponsors");
  const approve = useFormAction(decideSponsorAction);
  const refuse = useFormAction(decideSponsorAction);
  return (
    <div className="flex flex-wrap gap-2">
      <form action={approve.formAction} noValidate>
        <FormAlert message={approve.failed?.message} />
        <input type="hidden" name="sponsorId" value={sponsorId} />
        <input type="hidden" name="decision" value="APPROVED" />
        <SubmitButton label={t("approve", { name })} pendingLabel={t("deciding")} />
      </form>
      <form action={refuse.formAction} noValidate>
        <FormAlert message={refuse.failed?.message} />
        <input type="hidden" name="sponsorId" value={sponsorId} />
        <input type="hidden" name="decision" value="REFUSED" />
        <ConfirmSubmitButton
          label={t("refuse", { name })}
          pendingLabel={t("deciding")}
          confirmation={t("refuseConfirm")}
        />
      </form>
    </div>
  );
}
