/**
 * CSV as spreadsheets open it (RFC 4180): fields quoted when needed, CRLF line ends, and a
 * byte-order mark so that Excel reads UTF-8 (accents in names). A cell that would start a
 * formula (=, +, -, @, tab, carriage return) is prefixed with an apostrophe: a name typed by a
 * student must never run as a formula on staff's computer (CSV injection).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const line = (cells: readonly (string | number | null)[]) => cells.map(csvCell).join(",");
  return `\uFEFF${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
