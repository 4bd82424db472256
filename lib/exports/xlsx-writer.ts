import { PassThrough, Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import ExcelJS from "exceljs";
import { neutraliseFormula } from "@/lib/exports/cells";
import type { Batches, ExportColumn } from "@/lib/exports/columns";

const dateFormats = { date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm" } as const;
/** Bytes the reader may leave unread before the writer waits for it (flat memory, slow clients too). */
const unreadLimit = 1024 * 1024;

/**
 * The rows as an .xlsx byte stream, written by ExcelJS's streaming WorkbookWriter: each row is
 * committed (serialised into the zip) as soon as it is added, so memory stays flat whatever the
 * number of rows. Cells are typed: numbers as numbers, dates as dates with a date format; text
 * that would start a formula is neutralised as in the CSV.
 */
export function xlsxStream<Row>(
  columns: readonly ExportColumn<Row>[],
  batches: Batches<Row>,
  sheetName: string,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    // Shared strings would keep every distinct text in memory until the end.
    useSharedStrings: false,
    zip: { zlib: { level: 6 } },
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({
    key: String(index),
    width: column.width ?? 18,
    style: column.type === "date" || column.type === "datetime" ? { numFmt: dateFormats[column.type] } : {},
  }));

  const write = async () => {
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    for await (const batch of batches) {
      for (const row of batch) {
        sheet
          .addRow(
            columns.map((column) => {
              const value = column.value(row);
              return typeof value === "string" ? neutraliseFormula(value) : value;
            }),
          )
          .commit();
      }
      // The zip is piped into `output`: when the reader falls behind, wait for it.
      while (output.readableLength > unreadLimit && !output.destroyed) await sleep(5);
      if (output.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
