import type { ReactNode } from "react";

/**
 * A captioned table with header cells scoped to their columns. The rows' and cells' styles are
 * set once on the table (child selectors) rather than on each row and cell: a list of 50 rows
 * sent the same class names about 550 times, twice (HTML and React's payload), a quarter of the
 * queue page's bytes and of its rendering (issue 20).
 */
const bodyStyles =
  "[&>tbody>tr]:border-b [&>tbody>tr]:border-slate-200 [&>tbody>tr:last-child]:border-0 [&>tbody>tr>td]:px-3 [&>tbody>tr>td]:py-2 [&>tbody>tr>td]:align-top";

export function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: ReactNode[][] }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-300 bg-white">
      <table className={`w-full border-collapse text-left text-sm ${bodyStyles}`}>
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
            <tr key={rowIndex}>
              {cells.map((cell, cellIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a cell is its column; the position is its identity
                <td key={cellIndex}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
