"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { FormAlert } from "@/components/ui/form-alert";
import { RadioGroup } from "@/components/ui/radio-group";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateMessageMailSettingAction } from "@/lib/settings/actions";

/** R-MSG-4: whether a new message's e-mail carries its text, or only says there is one. */
export function MessageMailForm({ includeText }: { includeText: boolean }) {
  const t = useTranslations("admin.settings");
  const tc = useTranslations("admin.common");
  const { failed, form, value, error } = useAdminForm(updateMessageMailSettingAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <h2 className="text-xl font-semibold">{t("messagesTitle")}</h2>
      <FormAlert message={failed?.message} />
      <RadioGroup
        name="includeText"
        legend={t("messageMailText")}
        hint={t("messageMailTextHint")}
        stacked
        options={[
          { value: "yes", label: t("messageMailTextYes") },
          { value: "no", label: t("messageMailTextNo") },
        ]}
        defaultValue={value("includeText", includeText ? "yes" : "no")}
        error={error("includeText")}
      />
      <div>
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
      </div>
    </form>
  );
}
