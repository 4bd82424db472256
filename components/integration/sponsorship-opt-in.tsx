"use client";

import { useTranslations } from "next-intl";
import { ConfirmedActionForm } from "@/components/integration/confirmed-action-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { optInSponsorshipAction, withdrawSponsorshipAction } from "@/lib/integration/sponsorship/actions";
import { fieldsShownToSponsor } from "@/lib/integration/sponsorship/rules";

/**
 * R-INT-6: the opt-in, with the consent listing exactly what a sponsor will see; a refused form
 * keeps what was typed.
 */
export function SponsorshipOptInForm() {
  const t = useTranslations("integration.sponsor");
  const { failed, formAction } = useFormAction(optInSponsorshipAction);
  const { value, error } = bindFields(failed);
  return (
    <form action={formAction} noValidate className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <section aria-labelledby="sponsor-sees-title" className="rounded border border-slate-300 bg-white p-3">
        <h3 id="sponsor-sees-title" className="font-semibold">
          {t("seesTitle")}
        </h3>
        <ul className="list-disc pl-6">
          {fieldsShownToSponsor.map((field) => (
            <li key={field}>{t(`fields.${field}`)}</li>
          ))}
        </ul>
        <p className="mt-2">{t("never")}</p>
      </section>
      <Field
        name="languages"
        label={t("languages")}
        hint={t("languagesHint")}
        required
        autoComplete="off"
        defaultValue={value("languages", "")}
        error={error("languages")}
      />
      <Field
        name="interests"
        label={t("interests")}
        hint={t("interestsHint")}
        autoComplete="off"
        defaultValue={value("interests", "")}
        error={error("interests")}
      />
      <CheckboxField
        name="consent"
        label={t("consent")}
        defaultChecked={failed?.values.consent === "on"}
        error={error("consent")}
      />
      <div>
        <SubmitButton label={t("optIn")} pendingLabel={t("optingIn")} />
      </div>
    </form>
  );
}

/** R-INT-6: withdrawing, confirmed first (a confirmed sponsor is told). */
export function SponsorshipWithdrawForm() {
  const t = useTranslations("integration.sponsor");
  return (
    <ConfirmedActionForm
      action={withdrawSponsorshipAction}
      label={t("withdraw")}
      pendingLabel={t("withdrawing")}
      confirmation={t("withdrawConfirm")}
    />
  );
}
