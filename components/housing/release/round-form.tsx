"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { releaseRoundAction } from "@/lib/housing/release/actions";

/**
 * R-HOU-3: releasing cannot be undone (the decisions become visible and are e-mailed), so the
 * form asks for an explicit confirmation, checked again on the server.
 */
export function ReleaseRoundForm({ roundId, decided, pending }: { roundId: string; decided: number; pending: number }) {
  const t = useTranslations("housingRelease");
  const { failed, formAction } = useFormAction(releaseRoundAction);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3 rounded border border-red-800 bg-white p-4">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="roundId" value={roundId} />
      <p>{t("releaseIntro", { count: decided })}</p>
      {pending > 0 && (
        <p className="rounded border border-amber-400 bg-amber-50 p-3">{t("pendingWarning", { count: pending })}</p>
      )}
      <CheckboxField
        id={`release-confirm-${roundId}`}
        name="confirm"
        label={t("confirm")}
        required
        error={failed?.fieldErrors.confirm}
      />
      <div>
        <ReleaseButton label={t("release")} pendingLabel={t("releasing")} />
      </div>
    </form>
  );
}

function ReleaseButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending}
      onClick={(event) => pending && event.preventDefault()}
      className="rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 aria-disabled:opacity-70"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
