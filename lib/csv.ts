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
