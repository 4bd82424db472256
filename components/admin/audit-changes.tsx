/**
 * An audit event's before and after as a list people read ("status: SUBMITTED → ACCEPTED"),
 * not JSON: one line per field that changed or was recorded; nested values are shown flat.
 */
export function AuditChanges({
  before,
  after,
  labels,
}: {
  before: unknown;
  after: unknown;
  labels: { before: string; after: string };
}) {
  const from = asRecord(before);
  const to = asRecord(after);
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  if (keys.length === 0) return null;
  return (
    <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-2 text-xs">
      {keys.map((key) => (
        <div key={key} className="contents">
          <dt className="font-medium">{key}</dt>
          <dd>
            {key in from && (
              <span>
                <span className="sr-only">{labels.before} </span>
                {show(from[key])}
              </span>
            )}
            {key in from && key in to && <span aria-hidden="true"> → </span>}
            {key in to && (
              <span>
                <span className="sr-only">{labels.after} </span>
                {show(to[key])}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${show(inner)}`)
      .join("; ");
  }
  return String(value);
}
