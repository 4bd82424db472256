import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CellValue } from "@/lib/exports/cells";
import { columnLetters, rowXml, xmlText } from "@/lib/exports/xlsx-row-xml";

/**
 * The export writes its data rows as XML itself (issue 14: flat memory at 100,000 rows); these
 * rows must be the very bytes ExcelJS writes for the same values, so the workbook is unchanged.
 */
describe("column letters", () => {
  it.each([
    [1, "A"],
    [16, "P"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [703, "AAA"],
  ])("%i → %s", (column, letters) => expect(columnLetters(column)).toBe(letters));
});

describe("XML text", () => {
  it.each([
    ["Zoé Lefèvre", "Zoé Lefèvre"],
    ["王芳 Фёдор محمد", "王芳 Фёдор محمد"],
    [`<a href="x">O'Brien & co</a>`, "&lt;a href=&quot;x&quot;&gt;O&apos;Brien &amp; co&lt;/a&gt;"],
    ["tab\tline\ncr\r", "tab\tline\ncr\r"],
    ["bell\u0007null\u0000esc\u001bdel\u007f", "bellnullescdel\u007f"],
  ])("%j → %j", (text, expected) => expect(xmlText(text)).toBe(expected));
});

// A text, a number and a date column (the date column's style is the workbook's first added).
const columnTypes = ["text", "number", "date"] as const;
const rows: CellValue[][] = [
  ["Zoé", 2026, new Date(Date.UTC(2026, 8, 1, 14, 30))],
  ["'=cmd", null, null],
  ["", 0.5, new Date(Date.UTC(1999, 11, 31))],
  [`O'Brien & <co> "x"\u0001`, -3, null],
  [null, null, null],
  ["王芳 Фёдор", 1e21, new Date(Date.UTC(2026, 0, 1))],
];

/** The rows as ExcelJS's own streaming writer writes them, from a workbook stored without compression. */
async function excelJsRows(): Promise<string> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    zip: { store: true },
  });
  const sheet = workbook.addWorksheet("Rows");
  sheet.columns = columnTypes.map((type, index) => ({
    key: String(index),
    style: type === "date" ? { numFmt: "yyyy-mm-dd hh:mm" } : {},
  }));
  sheet.addRow(["header", "header", "header"]).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  const xml = Buffer.concat(chunks).toString("utf8");
  return xml.slice(xml.indexOf('<row r="2"'), xml.indexOf("</sheetData>"));
}

describe("data rows as ExcelJS writes them", () => {
  it("gives the same XML for text, numbers, dates, empty cells and an empty row", async () => {
    const styleOf = (column: number, kind: string) =>
      columnTypes[column] === "date" && (kind === "date" || kind === "empty") ? 1 : 0;
    const ours = rows.map((row, index) => rowXml(index + 2, row, styleOf)).join("");
    expect(ours).toBe(await excelJsRows());
  });
});
