"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { rankHousingAction } from "@/lib/housing/board/actions";

/** The rank used by the RANKING policy (1 = first; empty = unranked, after the ranked). */
export function BoardRankForm({
  housingRequestId,
  rank,
  name,
}: {
  housingRequestId: string;
  rank: number | null;
  name: string;
}) {
  const t = useTranslations("housingBoard");
  const { failed, formAction } = useFormAction(rankHousingAction);
  return (
    <form action={formAction} noValidate className="flex items-end gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="housingRequestId" value={housingRequestId} />
      <Field
        id={`rank-${housingRequestId}`}
        name="rank"
        type="number"
        min={1}
        className="w-20 rounded border border-slate-500 px-2 py-1"
        label={t("rankLabel", { name })}
        defaultValue={failed?.values.rank ?? rank ?? ""}
        error={failed?.fieldErrors.rank}
      />
      <SubmitButton label={t("setRank")} pendingLabel={t("saving")} />
    </form>
  );
}
