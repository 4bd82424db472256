import type { ActionResult } from "@/lib/actions/result";

/** The last refusal of a form's action, as useFormAction gives it. */
export type FailedSubmission = Extract<ActionResult, { ok: false }>;

/**
 * How a form's fields show the last answer of its action: after a refusal, what was submitted
 * and the error next to each field; otherwise what is saved, as the form encodes it (text,
 * "" when there is nothing). Shared by the admin forms and the application's steps, so a
 * refused form keeps what the user typed the same way everywhere.
 */
export function bindFields(failed: FailedSubmission | null) {
  return {
    value: (name: string, saved: string | number | null | undefined): string =>
      failed ? (failed.values[name] ?? "") : saved == null ? "" : String(saved),
    error: (name: string): string | undefined => failed?.fieldErrors[name],
  };
}
