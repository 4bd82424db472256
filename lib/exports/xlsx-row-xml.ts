import type { CellValue } from "@/lib/exports/cells";

/**
 * One data row of a worksheet as SpreadsheetML, the very bytes ExcelJS's row renderer writes for
 * the same values (tests/unit/xlsx-row-xml.test.ts compares them), without its per-cell objects:
 * ExcelJS allocated about 19 KB per row of 16 cells (a Row, Cells, Values, models and an XML
 * builder), 1.9 GB for 100,000 rows, and the collector let the heap grow with that rate.
 * Pure.
 */
export function rowXml(rowNumber: number, values: readonly CellValue[], styleOf: CellStyleOf): string {
  let cells = "";
  let hasValue = false;
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? null;
    const reference = `${columnLetters(index + 1)}${rowNumber}`;
    if (value === null) {
      const style = styleOf(index, "empty");
      // An empty cell is written only when it carries a style (a date column's format).
      if (style) cells += `<c r="${reference}" s="${style}"/>`;
      continue;
    }
    hasValue = true;
    if (typeof value === "string") {
      cells += `<c r="${reference}"${styleAttribute(styleOf(index, "text"))} t="str"><v>${xmlText(value)}</v></c>`;
    } else if (typeof value === "number") {
      cells += `<c r="${reference}"${styleAttribute(styleOf(index, "number"))}><v>${value}</v></c>`;
    } else {
      cells += `<c r="${reference}"${styleAttribute(styleOf(index, "date"))}><v>${excelSerial(value)}</v></c>`;
    }
  }
  // A row without any value is not written at all, as ExcelJS does.
  if (!hasValue) return "";
  return `<row r="${rowNumber}" spans="1:${values.length}" x14ac:dyDescent="0.25">${cells}</row>`;
}

export type CellKind = "text" | "number" | "date" | "empty";
/** The style index of a column's cells holding a kind of value (0: the default style). */
export type CellStyleOf = (columnIndex: number, kind: CellKind) => number;

const styleAttribute = (style: number) => (style ? ` s="${style}"` : "");

/** Days since 1899-12-30, the workbook's date serial (1900 date system). */
const excelSerial = (date: Date) => 25569 + date.getTime() / 86_400_000;

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Text as XML character data, as ExcelJS encodes it: the five markup characters escaped, and the
 * control characters XML 1.0 forbids dropped (tab, line feed and carriage return stay).
 */
export function xmlText(text: string): string {
  return text.replace(xmlSpecial, (character) => xmlEscapes[character] ?? "");
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: dropping them is the point.
const xmlSpecial = /[<>&'"\x00-\x08\x0B\x0C\x0E-\x1F]/g;

const xmlEscapes: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };
