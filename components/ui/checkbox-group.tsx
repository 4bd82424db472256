interface CheckboxGroupProps {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValues?: readonly string[];
  hint?: string;
  error?: string;
  /** Prefix of the boxes' ids; the name by default. */
  id?: string;
}

/** Several choices under one question: a fieldset whose legend, hint and error are announced with it. */
export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValues = [],
  hint,
  error,
  id = name,
}: CheckboxGroupProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      className="flex flex-col gap-1"
    >
      <legend className="font-medium">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <div
        className={`flex flex-wrap gap-x-6 gap-y-2 rounded border px-3 py-2 ${error ? "border-red-700" : "border-transparent"}`}
      >
        {options.map((option, index) => (
          <div key={option.value} className="flex items-center gap-2">
            <input
              type="checkbox"
              id={`${id}-${index}`}
              name={name}
              value={option.value}
              defaultChecked={defaultValues.includes(option.value)}
              aria-invalid={error ? true : undefined}
              className="h-4 w-4"
            />
            <label htmlFor={`${id}-${index}`}>{option.label}</label>
          </div>
        ))}
      </div>
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
