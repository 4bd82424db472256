"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateDriContactsAction } from "@/lib/settings/actions";

/** R-ELI-7: the contacts students are pointed to. */
export function DriContactsForm({
  cooperationEmail,
  incomingEmail,
}: {
  cooperationEmail: string | null;
  incomingEmail: string | null;
}) {
  const t = useTranslations("admin.settings");
  const tc = useTranslations("admin.common");
  const { failed, form, value, error } = useAdminForm(updateDriContactsAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <Field
        name="cooperationEmail"
        type="email"
        label={t("cooperationEmail")}
        hint={t("cooperationHint")}
        required
        defaultValue={value("cooperationEmail", cooperationEmail)}
        error={error("cooperationEmail")}
      />
      <Field
        name="incomingEmail"
        type="email"
        label={t("incomingEmail")}
        hint={t("incomingHint")}
        required
        defaultValue={value("incomingEmail", incomingEmail)}
        error={error("incomingEmail")}
      />
      <div>
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
      </div>
    </form>
  );
}
