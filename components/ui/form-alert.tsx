/**
 * The form-level message of a refused action, announced when it appears. It can take focus
 * (not in the Tab order), so that a form may bring the user to it after a refusal.
 */
export function FormAlert({ message }: { message?: string }) {
  return (
    <div
      role="alert"
      aria-live="assertive"
      tabIndex={-1}
      className={message ? "rounded border border-red-700 bg-red-50 p-3 text-red-900" : "sr-only"}
    >
      {message}
    </div>
  );
}
