"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { consumeStepFocus } from "@/components/applications/step-focus";

/**
 * The step's heading. After "Save and continue" the new step's page opens with focus here, so
 * that keyboard and screen-reader users go on from the step's title, not from the top of the
 * page (twelve Tab presses away). A page opened any other way keeps the browser's focus.
 */
export function StepHeading({ step, children }: { step: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is what changes when the router moves on
  useEffect(() => {
    if (consumeStepFocus()) heading.current?.focus();
  }, [step]);
  return (
    <h2 ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-2 focus:outline-offset-4">
      {children}
    </h2>
  );
}
