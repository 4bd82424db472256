"use client";

import { useActionState } from "react";
import type { ActionResult, FormState } from "@/lib/actions/result";

type FormAction<T> = (state: FormState<T>, formData: FormData) => Promise<ActionResult<T>>;

/**
 * Binds a chain-built server action to a form. `failed` is the last refusal (message, field
 * errors and the values to show again), or null.
 */
export function useFormAction<T>(action: FormAction<T>) {
  const [state, formAction] = useActionState(action, null as FormState<T>);
  const failed = state && !state.ok ? state : null;
  return { failed, formAction };
}
