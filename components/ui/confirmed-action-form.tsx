"use client";

import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * One button that asks before it acts (delete, publish…): the record it acts on travels in
 * hidden fields, and a refusal (in use, already published) comes back as the form's alert.
 */
export function ConfirmedActionForm<T>({
  action,
  fields,
  label,
  pendingLabel,
  confirmation,
  context,
}: {
  action: Parameters<typeof useFormAction<T>>[0];
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  confirmation: string;
  /** Read after the label by screen readers only, when several such buttons share a page. */
  context?: string;
}) {
  const { failed, formAction } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col items-start gap-3">
      <FormAlert message={failed?.message} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmSubmitButton label={label} pendingLabel={pendingLabel} confirmation={confirmation} context={context} />
    </form>
  );
}
