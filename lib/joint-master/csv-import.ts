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
