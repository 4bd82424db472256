"use client";

import { bindFields } from "@/components/ui/form-binding";
import { useFormAction } from "@/components/ui/use-form-action";
import { useSubmittedChoices } from "@/components/ui/use-submitted-choices";

type FormAction<T> = Parameters<typeof useFormAction<T>>[0];

/**
 * The admin forms' binding: after a refusal every field shows what was submitted (text from
 * `failed.values`, boxes from the submitted form), otherwise what is saved; errors by field.
 */
export function useAdminForm<T>(action: FormAction<T>) {
  const { failed, formAction } = useFormAction(action);
  const { onSubmit, choices } = useSubmittedChoices();
  const { value, error } = bindFields(failed);
  return {
    failed,
    form: { action: formAction, onSubmit, noValidate: true },
    value,
    checked: (name: string, saved: boolean): boolean => (failed ? choices(name).length > 0 : saved),
    selected: (name: string, saved: readonly string[]): string[] => (failed ? choices(name) : [...saved]),
    error,
  };
}
