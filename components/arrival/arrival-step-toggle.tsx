"use client";

import { useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition } from "react";
import { setArrivalStepAction } from "@/lib/arrival/actions";

/**
 * One step's "done" box, saved at once by its own server action: the box follows the click
 * and goes back if the server refuses (a copy missing, the checklist completed), with the
 * reason next to it; the result is announced in a live region.
 */
export function ArrivalStepToggle({
  stepId,
  title,
  done,
  disabled,
}: {
  stepId: string;
  title: string;
  done: boolean;
  disabled: boolean;
}) {
  const t = useTranslations("arrival.procedure");
  const [, startTransition] = useTransition();
  const [checked, setChecked] = useOptimistic(done);
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const id = `step-${stepId}`;

  function toggle(next: boolean) {
    setError("");
    startTransition(async () => {
      setChecked(next);
      setStatus(t("saving"));
      const result = await setArrivalStepAction({ stepId, done: next });
      if (result.ok) {
        setStatus(t(next ? "ticked" : "unticked", { step: title }));
      } else {
        setError(result.message);
        setStatus(result.message);
      }
    });
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          disabled={disabled}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(event) => toggle(event.currentTarget.checked)}
          className="h-4 w-4"
        />
        <label htmlFor={id} className="font-medium">
          {t("doneLabel", { step: title })}
        </label>
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}
