"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { RadioGroup } from "@/components/ui/radio-group";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { decideAmiAction } from "@/lib/ami/actions";

/**
 * The office's decision on an AMI application: granted (the computed amount unless another is
 * typed, with its reason), refused or sent back for changes (with a reason the student reads).
 */
export function AmiDecisionForm({ id, computedAmount }: { id: string; computedAmount: string | null }) {
  const t = useTranslations("ami.office");
  const { failed, form, value, selected, error } = useAdminForm(decideAmiAction);
  return (
    <form {...form} className="flex max-w-2xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="id" value={id} />
      <RadioGroup
        name="decision"
        legend={t("decision")}
        options={(["GRANTED", "REFUSED", "CHANGES_REQUESTED"] as const).map((decision) => ({
          value: decision,
          label: t(`decide.${decision}`),
        }))}
        defaultValue={selected("decision", [])[0]}
        error={error("decision")}
        stacked
      />
      <Field
        id="ami-amount"
        name="amount"
        inputMode="decimal"
        label={t("amount")}
        hint={computedAmount ? t("amountHint", { amount: computedAmount }) : t("amountHintMissing")}
        defaultValue={value("amount", null)}
        error={error("amount")}
      />
      <TextAreaField
        id="ami-reason"
        name="reason"
        label={t("reason")}
        hint={t("reasonHint")}
        defaultValue={value("reason", null)}
        error={error("reason")}
      />
      <div>
        <SubmitButton label={t("record")} pendingLabel={t("recording")} />
      </div>
    </form>
  );
}
