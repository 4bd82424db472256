"use client";

import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";

type FormAction<T> = Parameters<typeof useFormAction<T>>[0];

/**
 * A student's act on their own record that takes no input and must be confirmed first
 * (withdrawing from the integration week, leaving the sponsorship): the button, its question,
 * and the refusal's message if any.
 */
export function ConfirmedActionForm<T>({
  action,
  label,
  pendingLabel,
  confirmation,
}: {
  action: FormAction<T>;
  label: string;
  pendingLabel: string;
  confirmation: string;
}) {
  const { failed, formAction } = useFormAction(action);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-2">
      <FormAlert message={failed?.message} />
      <div>
        <ConfirmSubmitButton label={label} pendingLabel={pendingLabel} confirmation={confirmation} />
      </div>
    </form>
  );
}
