"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/result";
import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton({ label }: { label: string }) {
  const [, formAction] = useActionState(signOutAction, null as FormState);
  return (
    <form action={formAction}>
      <button type="submit" className="rounded bg-white px-3 py-1 text-sm font-medium text-brand hover:bg-blue-50">
        {label}
      </button>
    </form>
  );
}
