"use client";

import { useFormStatus } from "react-dom";

export function SubmitButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending}
      className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark aria-disabled:opacity-70"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
