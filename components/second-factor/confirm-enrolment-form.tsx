"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmEnrolmentAction } from "@/lib/auth/second-factor/actions";
import { Link } from "@/lib/i18n/navigation";

/**
 * The first code confirms the enrolment; the answer carries the ten recovery codes, shown here
 * once (R-MFA-3: the server keeps only their hashes), with the way on.
 */
export function ConfirmEnrolmentForm() {
  const t = useTranslations("secondFactor");
  const { failed, succeeded, formAction } = useFormAction(confirmEnrolmentAction);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (succeeded) heading.current?.focus();
  }, [succeeded]);
  if (succeeded) {
    return (
      <section aria-labelledby="recovery-codes" className="flex flex-col gap-3">
        <h2 id="recovery-codes" ref={heading} tabIndex={-1} className="text-xl font-semibold">
          {t("recoveryTitle")}
        </h2>
        <p>{t("recoveryIntro")}</p>
        <ul className="grid max-w-md grid-cols-2 gap-2 font-mono text-lg">
          {succeeded.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <p>
          <Link href={succeeded.next} className="font-medium text-brand underline">
            {t("continue")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <form action={formAction} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={failed?.message} />
      <Field
        name="code"
        id="enrolment-code"
        label={t("code")}
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        maxLength={32}
        defaultValue={failed?.values.code}
        error={failed?.fieldErrors.code}
      />
      <SubmitButton label={t("confirmSubmit")} pendingLabel={t("submitting")} />
    </form>
  );
}
