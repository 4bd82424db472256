import type { ReactNode } from "react";

/** A captioned table with header cells scoped to their columns. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: ReactNode[][] }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="p-3 text-left text-base font-semibold">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="border-b border-slate-300 px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, rowIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows and cells are rendered once, never reordered in place
            <tr key={rowIndex} className="border-b border-slate-200 last:border-0">
              {cells.map((cell, cellIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a cell is its column; the position is its identity
                <td key={cellIndex} className="px-3 py-2 align-top">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
