"use client";

import { useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition } from "react";
import { setInterlogStepAction } from "@/lib/housing/student/actions";
import type { InterlogStep } from "@/lib/housing/student/rules";

export interface InterlogStepState {
  step: InterlogStep;
  /** When the student ticked it, formatted by the server (Europe/Paris); null if not done. */
  doneAt: string | null;
}

/**
 * R-HOU-4: the INTERLOG steps as a checklist. Each tick (or untick) is saved at once by its own
 * server action, which records the time; the box follows the click right away and goes back if
 * the server refuses, with the reason next to it. Results are announced in a live region.
 */
export function StudentInterlogChecklist({
  housingRequestId,
  steps,
}: {
  housingRequestId: string;
  steps: InterlogStepState[];
}) {
  const t = useTranslations("housing.residence.accepted.interlog");
  const [pending, startTransition] = useTransition();
  const saved = Object.fromEntries(steps.map((state) => [state.step, state.doneAt !== null])) as Record<
    InterlogStep,
    boolean
  >;
  const [checked, setChecked] = useOptimistic(saved, (current, change: { step: InterlogStep; done: boolean }) => ({
    ...current,
    [change.step]: change.done,
  }));
  const [errors, setErrors] = useState<Partial<Record<InterlogStep, string>>>({});
  const [status, setStatus] = useState("");

  function toggle(step: InterlogStep, done: boolean) {
    setErrors((current) => ({ ...current, [step]: undefined }));
    startTransition(async () => {
      setChecked({ step, done });
      setStatus(t("saving"));
      const result = await setInterlogStepAction({ housingRequestId, step, done });
      if (result.ok) {
        setStatus(t(done ? "ticked" : "unticked", { step: t(`step.${step}`) }));
      } else {
        setErrors((current) => ({ ...current, [step]: result.message }));
        setStatus(result.message);
      }
    });
  }

  return (
    <fieldset
      aria-describedby="interlog-hint"
      className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4"
    >
      <legend className="px-1 font-semibold">{t("legend")}</legend>
      <p id="interlog-hint" className="text-sm text-slate-700">
        {t("hint")}
      </p>
      <ul className="flex flex-col gap-3">
        {steps.map(({ step, doneAt }) => {
          const id = `interlog-${step}`;
          const error = errors[step];
          return (
            <li key={step} className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <input
                  type="checkbox"
                  id={id}
                  name={step}
                  checked={checked[step]}
                  aria-describedby={`${id}-when${error ? ` ${id}-error` : ""}`}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => toggle(step, event.currentTarget.checked)}
                  className="h-4 w-4"
                />
                <label htmlFor={id} className="font-medium">
                  {t(`step.${step}`)}
                </label>
              </div>
              <p id={`${id}-when`} className="pl-6 text-sm text-slate-700">
                {/* The time is the saved one: shown once the server has answered. */}
                {doneAt && checked[step]
                  ? t("doneAt", { date: doneAt })
                  : checked[step] && pending
                    ? t("saving")
                    : t("notDone")}
              </p>
              {error && (
                <p id={`${id}-error`} className="pl-6 text-sm font-medium text-red-800">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <p role="status" aria-live="polite" className="text-sm text-slate-800">
        {status}
      </p>
    </fieldset>
  );
}
