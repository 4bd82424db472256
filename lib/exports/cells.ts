/**
 * One cell of an exported list, as the CSV and the .xlsx writers both read it. Pure.
 * Dates stay Dates up to the writer: a workbook stores them as dates (sortable, filterable),
 * a CSV writes them as ISO text that spreadsheets recognise.
 */
export type CellValue = string | number | Date | null;
export type CellType = "text" | "number" | "date" | "datetime";

/** A cell that would start a formula (=, +, -, @, tab, carriage return). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A student types their name; staff open the list in a spreadsheet. Text that would start a
 * formula gets an apostrophe in front, so "=HYPERLINK(…)" shows as text and never runs
 * (CSV/formula injection), in the CSV and in the workbook alike.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** French Excel reads ";" as the separator (the comma is the decimal mark); English Excel ",". */
export function csvSeparator(locale: string): ";" | "," {
  return locale === "fr" ? ";" : ",";
}

const pad = (value: number) => String(value).padStart(2, "0");

/** A date cell as CSV text: "2026-09-01", or "2026-09-01 14:30" for a time (already Paris's). */
export function dateText(value: Date, type: CellType): string {
  const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  return type === "datetime" ? `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : day;
}

/** One CSV field (RFC 4180): quoted when it holds the separator, a quote or a line break. */
export function csvField(value: CellValue, type: CellType, separator: string): string {
  if (value === null) return "";
  const text = value instanceof Date ? dateText(value, type) : typeof value === "number" ? String(value) : value;
  const safe = typeof value === "string" ? neutraliseFormula(text) : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
