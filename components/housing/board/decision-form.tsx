"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { decideHousingAction } from "@/lib/housing/board/actions";

/** One row's decision: the status the reviewer saw travels with it (guard). */
export function BoardDecisionForm(props: {
  housingRequestId: string;
  status: string;
  name: string;
  residences: { value: string; label: string }[];
  allowed: string[];
}) {
  const t = useTranslations("housingBoard");
  const { failed, formAction } = useFormAction(decideHousingAction);
  const decisions = [
    { value: "ACCEPTED", label: t("accept") },
    { value: "WAITLISTED", label: t("waitlist") },
    { value: "REFUSED", label: t("refuse") },
  ].filter((decision) => props.allowed.includes(decision.value));
  return (
    <form action={formAction} noValidate className="flex flex-col gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="housingRequestId" value={props.housingRequestId} />
      <input type="hidden" name="expectedStatus" value={props.status} />
      <SelectField
        id={`decision-${props.housingRequestId}`}
        name="decision"
        label={t("decisionLabel", { name: props.name })}
        options={decisions}
        placeholder="—"
        defaultValue={failed?.values.decision ?? ""}
        error={failed?.fieldErrors.decision}
      />
      <SelectField
        id={`residence-${props.housingRequestId}`}
        name="residenceId"
        label={t("residenceLabel", { name: props.name })}
        options={props.residences}
        placeholder={t("chooseResidence")}
        defaultValue={failed?.values.residenceId ?? ""}
        error={failed?.fieldErrors.residenceId}
      />
      <div>
        <SubmitButton label={t("save")} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}
