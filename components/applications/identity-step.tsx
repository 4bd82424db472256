"use client";

import { useTranslations } from "next-intl";
import { StepForm, type StepValues } from "@/components/applications/step-form";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { saveIdentityAction } from "@/lib/applications/actions";

export function IdentityStep({
  saved,
  countries,
}: {
  saved: StepValues;
  countries: { value: string; label: string }[];
}) {
  const t = useTranslations("apply");
  return (
    <StepForm action={saveIdentityAction} saved={saved}>
      {(field) => (
        <>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              name="firstName"
              label={t("identity.firstName")}
              autoComplete="given-name"
              required
              {...field("firstName")}
            />
            <Field
              name="lastName"
              label={t("identity.lastName")}
              autoComplete="family-name"
              required
              {...field("lastName")}
            />
          </div>
          <Field
            name="dateOfBirth"
            type="date"
            label={t("identity.dateOfBirth")}
            autoComplete="bday"
            required
            {...field("dateOfBirth")}
          />
          <SelectField
            name="nationality"
            label={t("identity.nationality")}
            options={countries}
            placeholder={t("choose")}
            required
            {...field("nationality")}
          />
          <Field
            name="contactEmail"
            type="email"
            label={t("identity.contactEmail")}
            autoComplete="email"
            required
            {...field("contactEmail")}
          />
          <Field
            name="phone"
            type="tel"
            label={t("identity.phone")}
            hint={t("identity.phoneHint")}
            autoComplete="tel"
            required
            {...field("phone")}
          />
          <Field
            name="addressLine"
            label={t("identity.addressLine")}
            autoComplete="street-address"
            required
            {...field("addressLine")}
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              name="postalCode"
              label={t("identity.postalCode")}
              autoComplete="postal-code"
              {...field("postalCode")}
            />
            <Field name="city" label={t("identity.city")} autoComplete="address-level2" required {...field("city")} />
          </div>
          <SelectField
            name="country"
            label={t("identity.country")}
            options={countries}
            placeholder={t("choose")}
            autoComplete="country"
            required
            {...field("country")}
          />
        </>
      )}
    </StepForm>
  );
}
