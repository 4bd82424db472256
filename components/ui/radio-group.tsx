interface RadioGroupProps {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
  error?: string;
  /** One option per line, for long labels. */
  stacked?: boolean;
}

/** A fieldset of radio buttons; the legend names the question, the error is tied to the group. */
export function RadioGroup({ name, legend, options, defaultValue, hint, error, stacked = false }: RadioGroupProps) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
    >
      <legend className="font-medium">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <div className={stacked ? "flex flex-col gap-1" : "flex flex-wrap gap-x-6 gap-y-1"}>
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2">
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={defaultValue === option.value}
              className="mt-1 h-4 w-4 shrink-0"
            />
            {option.label}
          </label>
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
