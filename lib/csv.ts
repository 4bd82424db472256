import { csvField } from "@/lib/exports/cells";

/**
 * CSV as spreadsheets open it (RFC 4180): fields quoted when needed, CRLF line ends, and a
 * byte-order mark so that Excel reads UTF-8 (accents in names). Formula-like text is
 * neutralised (lib/exports/cells.ts). Staff lists stream through lib/exports/ instead.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const line = (cells: readonly (string | number | null)[]) => cells.map(csvCell).join(",");
  return `\uFEFF${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}

export function csvCell(value: string | number | null): string {
  return csvField(value, "text", ",");
}

/**
 * Reading a spreadsheet export (RFC 4180: quoted fields, "" for a quote, CRLF or LF, a leading
 * byte-order mark ignored); blank lines are dropped. Used by every CSV import.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[index + 1] === "\n") index++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows.filter((cells) => cells.some((value) => value.trim() !== ""));
}

/** Rows as records keyed by the header's column names (lower-cased, trimmed). */
export function csvRecords(text: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text);
  const names = header.map((name) => name.trim().toLowerCase());
  return rows.map((cells) => Object.fromEntries(names.map((name, index) => [name, (cells[index] ?? "").trim()])));
}
