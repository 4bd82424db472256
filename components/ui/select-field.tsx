import type { SelectHTMLAttributes } from "react";
import { controlClass, FieldFrame } from "@/components/ui/field-frame";

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "defaultValue"> {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  /** A first, empty choice ("Choose…", "Any"): what the select shows before a choice. */
  placeholder?: string;
  defaultValue?: string | number | null;
  hint?: string;
  error?: string;
}

/** A labelled select whose hint and error are tied to it for screen readers. */
export function SelectField({
  name,
  label,
  options,
  placeholder,
  defaultValue,
  hint,
  error,
  id = name,
  ...select
}: SelectFieldProps) {
  // React applies a select's defaultValue only when it mounts, and a form action then resets
  // the form to it: keyed on the value to show, the select is remounted when that value changes
  // (after a refused action, it shows what was chosen).
  const controlled = select.value !== undefined;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select
          key={controlled ? undefined : String(defaultValue ?? "")}
          name={name}
          defaultValue={controlled ? undefined : (defaultValue ?? "")}
          className={controlClass}
          {...control}
          {...select}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
