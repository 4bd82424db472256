"use client";

import { useFormStatus } from "react-dom";

/**
 * A submit button for a destructive action: the browser's own confirmation dialog (keyboard
 * and screen-reader friendly) must be accepted before the form is sent.
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
  const look =
    variant === "danger"
      ? "bg-red-800 text-white hover:bg-red-900"
      : "border border-brand bg-white text-brand hover:bg-blue-50";
  return (
    <button
      type="submit"
      aria-disabled={pending}
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
