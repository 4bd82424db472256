"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CoveragePanel } from "@/components/applications/coverage-panel";
import { StepForm, type StepValues } from "@/components/applications/step-form";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { saveHomeAction } from "@/lib/applications/actions";
import type { PartnerCoverage } from "@/lib/applications/coverage";

export function HomeStep({
  saved,
  partners,
  contactEmail,
  coverages,
  componentNames,
}: {
  saved: StepValues;
  partners: { value: string; label: string }[];
  contactEmail: string;
  coverages: Record<string, PartnerCoverage>;
  componentNames: Record<string, string>;
}) {
  const t = useTranslations("apply.home");
  const tApply = useTranslations("apply");
  const [partnerId, setPartnerId] = useState(saved.partnerId ?? "");
  const coverage = partnerId ? coverages[partnerId] : undefined;
  return (
    <StepForm action={saveHomeAction} saved={saved}>
      {(field) => (
        <>
          <SelectField
            name="partnerId"
            label={t("partnerId")}
            options={partners}
            placeholder={tApply("choose")}
            required
            {...field("partnerId")}
            onChange={(event) => setPartnerId(event.target.value)}
          />
          <CoveragePanel coverage={coverage} componentNames={componentNames} contactEmail={contactEmail} />
          {/* R-ELI-1: a university that is not listed is not a dead end: say why, and whom to ask. */}
          <details className="rounded border border-slate-300 bg-white p-3">
            <summary className="cursor-pointer font-medium">{t("notListedTitle")}</summary>
            <p className="mt-2">
              {t("notListedBody")}{" "}
              {contactEmail && (
                <a href={`mailto:${contactEmail}`} className="font-medium text-brand underline">
                  {contactEmail}
                </a>
              )}
            </p>
          </details>
          {/* R-ELI-1: nothing more is asked for a university no agreement covers. */}
          <div hidden={coverage?.covered === false} className="flex flex-col gap-5">
            <fieldset className="flex flex-col gap-4">
              <legend className="mb-2 text-lg font-semibold">{t("coordinatorLegend")}</legend>
              <Field
                name="homeCoordinatorName"
                label={t("homeCoordinatorName")}
                required
                {...field("homeCoordinatorName")}
              />
              <Field
                name="homeCoordinatorEmail"
                type="email"
                label={t("homeCoordinatorEmail")}
                required
                {...field("homeCoordinatorEmail")}
              />
            </fieldset>
            <fieldset className="flex flex-col gap-4">
              <legend className="mb-2 text-lg font-semibold">{t("nominationLegend")}</legend>
              <p className="text-sm text-slate-700">{t("nominationHint")}</p>
              <Field name="nominatedBy" label={t("nominatedBy")} required {...field("nominatedBy")} />
              <Field name="nominatedOn" type="date" label={t("nominatedOn")} required {...field("nominatedOn")} />
            </fieldset>
          </div>
        </>
      )}
    </StepForm>
  );
}
