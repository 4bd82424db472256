"use client";

import { useTranslations } from "next-intl";
import { LetterLanguageSelect } from "@/components/letters/language-select";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { issueCertificateAction } from "@/lib/letters/actions";

/** The correspondent confirms a requested certificate's dates and issues it (it is then e-mailed). */
export function IssueCertificateForm({
  certificateRequestId,
  kind,
  start,
  end,
  defaultLocale,
}: {
  certificateRequestId: string;
  kind: "ARRIVAL_CERTIFICATE" | "ATTENDANCE_CERTIFICATE";
  /** yyyy-mm-dd, or "" when unknown. */
  start: string;
  end: string;
  defaultLocale: string;
}) {
  const t = useTranslations("letters.issueCertificate");
  const { failed, succeeded, formAction } = useFormAction(issueCertificateAction);
  const fields = bindFields(failed);
  const id = (name: string) => `${name}-${certificateRequestId}`;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3">
      <FormAlert message={failed?.message} />
      <p role="status" className={succeeded ? "font-medium text-green-800" : "sr-only"}>
        {succeeded ? t("done", { code: succeeded.code }) : ""}
      </p>
      <input type="hidden" name="certificateRequestId" value={certificateRequestId} />
      <Field
        id={id("start")}
        name="start"
        type="date"
        required
        label={t("start")}
        defaultValue={fields.value("start", start)}
        error={fields.error("start")}
      />
      {kind === "ATTENDANCE_CERTIFICATE" && (
        <Field
          id={id("end")}
          name="end"
          type="date"
          label={t("end")}
          hint={t("endHint")}
          defaultValue={fields.value("end", end)}
          error={fields.error("end")}
        />
      )}
      <LetterLanguageSelect id={id("locale")} label={t("language")} failed={failed} defaultLocale={defaultLocale} />
      <div>
        <SubmitButton label={t("submit")} pendingLabel={t("working")} />
      </div>
    </form>
  );
}
