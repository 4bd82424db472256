import type { TWish } from "@/lib/joint-master/schemas";

/**
 * An intake's students from a spreadsheet export (RFC 4180: quoted fields, "" for a quote,
 * CRLF or LF). Columns by header name, any order:
 * student_number, name, email, last_degree_country, scholarship, ranking, wishes, thesis_university.
 * `wishes` lists paths best first as "KIT-UPC; AMU-TAU" (semester 2 - semester 3 university codes).
 * Pure: the service validates each row with zod and refuses the whole file on any bad row.
 */

export const csvColumns = [
  "student_number",
  "name",
  "email",
  "last_degree_country",
  "scholarship",
  "ranking",
  "wishes",
  "thesis_university",
] as const;

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

/** "KIT-UPC; AMU-TAU" → ranked wishes; a malformed item is kept as given so validation names it. */
export function parseWishes(text: string): TWish[] {
  return text
    .split(/[;|]/)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [semester2 = "", semester3 = ""] = item.split(/\s*[-/]\s*/);
      return { semester2: semester2.toUpperCase(), semester3: semester3.toUpperCase() };
    });
}

/** Rows as records keyed by the header's column names (lower-cased, trimmed). */
export function csvRecords(text: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text);
  const names = header.map((name) => name.trim().toLowerCase());
  return rows.map((cells) => Object.fromEntries(names.map((name, index) => [name, (cells[index] ?? "").trim()])));
}
