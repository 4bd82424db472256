"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { withdrawApplicationAction } from "@/lib/applications/actions";

/** Destructive: the button appears only once the student ticked the confirmation. */
export function WithdrawForm() {
  const t = useTranslations("dossier");
  const { failed, formAction } = useFormAction(withdrawApplicationAction);
  const [confirmed, setConfirmed] = useState(false);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormAlert message={failed?.message} />
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={confirmed}
          onChange={(event) => setConfirmed(event.target.checked)}
          className="h-4 w-4"
        />
        {t("withdrawConfirm")}
      </label>
      {confirmed && (
        <div>
          <SubmitButton label={t("withdraw")} pendingLabel={t("withdrawing")} />
        </div>
      )}
    </form>
  );
}
