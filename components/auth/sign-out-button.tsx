"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton({ label }: { label: string }) {
  const { formAction } = useFormAction(signOutAction);
  return (
    <form action={formAction}>
      <button type="submit" className="rounded bg-white px-3 py-1 text-sm font-medium text-brand hover:bg-blue-50">
        {label}
      </button>
    </form>
  );
}
