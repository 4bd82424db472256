import type { TextareaHTMLAttributes } from "react";
import { controlClass, FieldFrame } from "@/components/ui/field-frame";

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

export function TextAreaField({ name, label, hint, error, id = name, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => <textarea name={name} rows={rows} className={controlClass} {...control} {...textarea} />}
    </FieldFrame>
  );
}
