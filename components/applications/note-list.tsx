/** Messages on a dossier, newest first: each with its line of context (kind, author, date). */
export function NoteList({
  notes,
  empty,
}: {
  notes: { id: string; heading: string; body: string; internal?: boolean }[];
  empty: string;
}) {
  if (notes.length === 0) return <p>{empty}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {notes.map((note) => (
        <li
          key={note.id}
          className={`rounded border p-3 ${note.internal ? "border-slate-400 bg-slate-100" : "border-slate-300 bg-white"}`}
        >
          <p className="text-sm text-slate-700">{note.heading}</p>
          <p className="whitespace-pre-wrap">{note.body}</p>
        </li>
      ))}
    </ul>
  );
}
