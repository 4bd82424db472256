import type { ReactNode } from "react";

export interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

export interface ControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

export const controlClass = "rounded border border-slate-500 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

/**
 * Label, hint and error around one control, tied to it for screen readers
 * (aria-describedby, aria-invalid). Field, SelectField and TextAreaField are built on it.
 */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: FieldFrameProps & { children: (control: ControlProps) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
