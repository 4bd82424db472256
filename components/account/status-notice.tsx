/** Says what the last step did (a redirect with ?done=… or ?sent=1), announced politely. */
export function StatusNotice({ message }: { message: string }) {
  return (
    <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
      {message}
    </p>
  );
}
