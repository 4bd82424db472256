"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmSponsorMatchAction } from "@/lib/integration/sponsorship/actions";

/** R-INT-8: confirm one suggested pair as it is. */
export function ConfirmSuggestionForm({
  applicationId,
  sponsorId,
  label,
}: {
  applicationId: string;
  sponsorId: string;
  label: string;
}) {
  const t = useTranslations("integration.board");
  const { failed, formAction } = useFormAction(confirmSponsorMatchAction);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="sponsorId" value={sponsorId} />
      <SubmitButton label={label} pendingLabel={t("confirming")} />
    </form>
  );
}

type Option = { value: string; label: string };

/** R-INT-8: any approved sponsor for any student of the board: a change, or a forced pair. */
export function ChooseSponsorForm({ students, sponsors }: { students: Option[]; sponsors: Option[] }) {
  const t = useTranslations("integration.board");
  const { failed, formAction } = useFormAction(confirmSponsorMatchAction);
  const { value, error } = bindFields(failed);
  return (
    <form action={formAction} noValidate className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <SelectField
        name="applicationId"
        label={t("studentField")}
        placeholder={t("chooseStudent")}
        options={students}
        required
        defaultValue={value("applicationId", "")}
        error={error("applicationId")}
      />
      <SelectField
        name="sponsorId"
        label={t("sponsorField")}
        placeholder={t("chooseSponsor")}
        options={sponsors}
        required
        defaultValue={value("sponsorId", "")}
        error={error("sponsorId")}
      />
      <div>
        <SubmitButton label={t("force")} pendingLabel={t("confirming")} />
      </div>
    </form>
  );
}
