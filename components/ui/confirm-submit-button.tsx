"use client";

import { useSyncExternalStore } from "react";
import { useFormStatus } from "react-dom";

/**
 * A submit button for a destructive action: the browser's own confirmation dialog (keyboard
 * and screen-reader friendly) must be accepted before the form is sent. Until the page is
 * hydrated the button submits nothing: a server action's form would otherwise post at once,
 * skipping the question, when clicked on a page still loading.
 */
export function ConfirmSubmitButton({
  label,
  pendingLabel,
  confirmation,
  variant = "danger",
  context,
}: {
  label: string;
  pendingLabel: string;
  confirmation: string;
  variant?: "danger" | "secondary";
  /** Read after the label by screen readers only, when several such buttons share a page ("Detach" → "Detach Julien Moreau"). */
  context?: string;
}) {
  const { pending } = useFormStatus();
  const hydrated = useHydrated();
  const look =
    variant === "danger"
      ? "bg-red-800 text-white hover:bg-red-900"
      : "border border-brand bg-white text-brand hover:bg-blue-50";
  return (
    <button
      type={hydrated ? "submit" : "button"}
      aria-disabled={pending || !hydrated}
      onClick={(event) => {
        if (pending || !window.confirm(confirmation)) event.preventDefault();
      }}
      className={`rounded px-4 py-2 font-medium aria-disabled:opacity-70 ${look}`}
    >
      {pending ? pendingLabel : label}
      {context && <span className="sr-only"> {context}</span>}
    </button>
  );
}

const noSubscription = () => () => {};

/** False in the server's HTML and during hydration, true once React runs in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
