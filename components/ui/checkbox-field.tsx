import type { InputHTMLAttributes } from "react";

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** One yes/no choice: a labelled checkbox whose hint and error are tied to it. */
export function CheckboxField({ name, label, hint, error, id = name, ...input }: CheckboxFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input
          type="checkbox"
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          className="h-4 w-4"
          {...input}
        />
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
      </div>
      {hint && (
        <p id={hintId} className="pl-6 text-sm text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="pl-6 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
