"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { sendMassMailAction } from "@/lib/mass-mail/actions";

/** The e-mail to the group the page's filters select (sent along as hidden fields). */
export function MassMailForm({ filters }: { filters: Record<string, string> }) {
  const t = useTranslations("massMail");
  const { failed, formAction } = useFormAction(sendMassMailAction);
  const fields = bindFields(failed);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormAlert message={failed?.message} />
      {Object.entries(filters).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        name="subject"
        label={t("subject")}
        maxLength={200}
        required
        defaultValue={fields.value("subject", "")}
        error={fields.error("subject")}
      />
      <TextAreaField
        name="body"
        label={t("body")}
        hint={t("bodyHint")}
        rows={8}
        maxLength={10_000}
        required
        defaultValue={fields.value("body", "")}
        error={fields.error("body")}
      />
      <div>
        <SubmitButton label={t("send")} pendingLabel={t("sending")} />
      </div>
    </form>
  );
}
