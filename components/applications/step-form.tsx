"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult, FormState } from "@/lib/actions/result";
import type { StepValues } from "@/lib/applications/form-values";

export type { StepValues };

/**
 * The frame of every step: the action, the form-level alert, the fields (given a reader of
 * each field's value and error) and "Save and continue". After a refusal the fields show what
 * the student typed; otherwise what was saved.
 */
export function StepForm({
  action,
  saved,
  children,
}: {
  action: (state: FormState<void>, formData: FormData) => Promise<ActionResult<void>>;
  saved: StepValues;
  children: (field: (name: string) => { defaultValue: string; error?: string }) => ReactNode;
}) {
  const t = useTranslations("apply");
  const { failed, formAction } = useFormAction(action);
  const { value, error } = bindFields(failed);
  const field = (name: string) => ({ defaultValue: value(name, saved[name]), error: error(name) });
  return (
    // The key remounts the fields after each answer, so they take the values to show.
    <form
      key={failed ? JSON.stringify(failed.values) : "saved"}
      action={formAction}
      noValidate
      className="flex max-w-2xl flex-col gap-5"
    >
      <FormAlert message={failed?.message} />
      {children(field)}
      <div>
        <SubmitButton label={t("saveAndContinue")} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}
