/** The form-level message of a refused action, announced when it appears. */
export function FormAlert({ message }: { message?: string }) {
  return (
    <div
      role="alert"
      aria-live="assertive"
      className={message ? "rounded border border-red-700 bg-red-50 p-3 text-red-900" : "sr-only"}
    >
      {message}
    </div>
  );
}
