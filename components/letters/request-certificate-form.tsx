"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestCertificateAction } from "@/lib/letters/actions";

/** R-LET-4: the student asks for a certificate; one form per kind, so each button says what it asks. */
export function RequestCertificateForm({ kind }: { kind: "ARRIVAL_CERTIFICATE" | "ATTENDANCE_CERTIFICATE" }) {
  const t = useTranslations("letters.certificates");
  const { failed, succeeded, formAction } = useFormAction(requestCertificateAction);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-2">
      <FormAlert message={failed?.message} />
      <p role="status" className={succeeded ? "font-medium text-green-800" : "sr-only"}>
        {succeeded ? t("asked") : ""}
      </p>
      <input type="hidden" name="kind" value={kind} />
      <div>
        <SubmitButton
          label={kind === "ARRIVAL_CERTIFICATE" ? t("askArrival") : t("askAttendance")}
          pendingLabel={t("working")}
        />
      </div>
    </form>
  );
}
