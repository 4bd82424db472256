"use client";

import { type FormEvent, useState } from "react";

/**
 * A refused action echoes text fields (`failed.values`) but not checkbox groups, whose several
 * values make a list. This keeps what was last submitted so that the form can tick the same
 * boxes again: pass `onSubmit` to the form, and read `choices(name)` after a refusal.
 */
export function useSubmittedChoices() {
  const [submitted, setSubmitted] = useState<FormData | null>(null);
  return {
    onSubmit: (event: FormEvent<HTMLFormElement>) => setSubmitted(new FormData(event.currentTarget)),
    choices: (name: string): string[] =>
      (submitted?.getAll(name) ?? []).filter((value): value is string => typeof value === "string"),
  };
}
