"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { recordForeignNumberAction } from "@/lib/arrival/actions";

/**
 * R-VIS-4: the AGDREF number that ends the checklist; recorded again, it is corrected. The
 * server checks the format (ten digits) and that every step is done.
 */
export function ForeignNumberForm({ recorded }: { recorded: string | null }) {
  const t = useTranslations("arrival.number");
  const { failed, formAction } = useFormAction(recordForeignNumberAction);
  const { value, error } = bindFields(failed);
  return (
    <form
      key={failed ? JSON.stringify(failed.values) : (recorded ?? "empty")}
      action={formAction}
      noValidate
      className="flex max-w-md flex-col gap-4"
    >
      <FormAlert message={failed?.message} />
      <Field
        name="foreignNumber"
        label={t("label")}
        hint={t("hint")}
        inputMode="numeric"
        autoComplete="off"
        required
        defaultValue={value("foreignNumber", recorded)}
        error={error("foreignNumber")}
      />
      <div>
        <SubmitButton label={recorded ? t("correct") : t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}
