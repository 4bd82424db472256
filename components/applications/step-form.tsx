"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { clearStepFocus, markStepFocus } from "@/components/applications/step-focus";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { useUnsavedChangesGuard } from "@/components/ui/use-unsaved-changes-guard";
import type { ActionResult, FormState } from "@/lib/actions/result";
import type { StepValues } from "@/lib/applications/form-values";

export type { StepValues };

/**
 * The frame of every step: the action, the form-level alert, the fields (given a reader of
 * each field's value and error) and "Save and continue". After a refusal the fields show what
 * the student typed; otherwise what was saved.
 *
 * Focus follows the answer: a refusal focuses the error summary; a save moves on to the next
 * step, whose heading takes focus (StepHeading). What is typed and not saved is not lost
 * silently: leaving the page (another step, the other language) asks first.
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
  const summary = useRef<HTMLDivElement>(null);
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesGuard(dirty, t("unsavedChanges"));
  useEffect(() => {
    if (!failed) return;
    // Nothing was saved: the typed values are still only on the page.
    clearStepFocus();
    setDirty(true);
    summary.current?.querySelector<HTMLElement>("[role=alert]")?.focus();
  }, [failed]);
  return (
    // The key remounts the fields after each answer, so they take the values to show.
    <form
      key={failed ? JSON.stringify(failed.values) : "saved"}
      action={formAction}
      noValidate
      onInput={() => setDirty(true)}
      onSubmit={() => {
        setDirty(false);
        markStepFocus();
      }}
      className="flex max-w-2xl flex-col gap-5"
    >
      <div ref={summary}>
        <FormAlert message={failed?.message} />
      </div>
      {children(field)}
      <div>
        <SubmitButton label={t("saveAndContinue")} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}
