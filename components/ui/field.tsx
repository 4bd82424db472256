import type { InputHTMLAttributes } from "react";
import { controlClass, FieldFrame } from "@/components/ui/field-frame";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function Field({ name, label, hint, error, id = name, ...input }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => <input name={name} className={controlClass} {...control} {...input} />}
    </FieldFrame>
  );
}
