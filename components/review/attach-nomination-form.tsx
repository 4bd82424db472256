"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { attachNominationAction } from "@/lib/nominations/actions";

/** R-ELI-2: attach the partner's late nomination (one of the student's own) to this dossier. */
export function AttachNominationForm({
  applicationId,
  nominations,
}: {
  applicationId: string;
  nominations: { value: string; label: string }[];
}) {
  const t = useTranslations("nominations.attach");
  const { failed, formAction } = useFormAction(attachNominationAction);
  const { value, error } = bindFields(failed);
  return (
    <form action={formAction} noValidate className="flex flex-col items-start gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <SelectField
        name="nominationId"
        label={t("label")}
        options={nominations}
        placeholder={t("choose")}
        required
        defaultValue={value("nominationId", "")}
        error={error("nominationId")}
      />
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
