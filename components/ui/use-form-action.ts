"use client";

import { useActionState } from "react";
import type { ActionResult, FormState } from "@/lib/actions/result";

type FormAction<T> = (state: FormState<T>, formData: FormData) => Promise<ActionResult<T>>;

/**
 * Binds a chain-built server action to a form. `failed` is the last refusal (message, field
 * errors and the values to show again), or null; `succeeded`, the last answer's data.
 */
export function useFormAction<T>(action: FormAction<T>) {
  const [state, formAction] = useActionState(action, null as FormState<T>);
  const failed = state && !state.ok ? state : null;
  // What the last accepted call answered, for a form that stays on the page and says so.
  const succeeded = state?.ok ? state.data : null;
  return { failed, succeeded, formAction };
}
