import { PassThrough, Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import ExcelJS from "exceljs";
import { neutraliseFormula } from "@/lib/exports/cells";
import type { Batches, ExportColumn } from "@/lib/exports/columns";

const dateFormats = { date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm" } as const;
/** Bytes written but not yet compressed or read, beyond which the writer waits (flat memory, slow clients too). */
const unreadLimit = 2 * 1024 * 1024;

/**
 * What is waiting between the rows and the reader. ExcelJS's sheet stream (a StreamBuf) writes
 * to the zip entry ignoring backpressure, so a writer faster than compression piles buffers up
 * in the entry's writable side (measured: 210 MB of buffers for 100,000 rows without this
 * wait); its pipes are read here, as are the unread bytes of the output.
 */
function pendingBytes(sheet: ExcelJS.Worksheet, output: PassThrough): number {
  type Buffered = { _writableState?: { length: number }; _readableState?: { length: number } };
  const pipes = (sheet as unknown as { stream?: { pipes?: Buffered[] } }).stream?.pipes ?? [];
  // The entry streams come from readable-stream 2, whose states have no public length getters.
  const held = pipes.reduce(
    (sum, pipe) => sum + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0),
    0,
  );
  return output.readableLength + held;
}

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
      // Backpressure: wait while the compressor or the reader is behind (see pendingBytes).
      while (pendingBytes(sheet, output) > unreadLimit && !output.destroyed) await sleep(5);
      if (output.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
