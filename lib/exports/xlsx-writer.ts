import { PassThrough } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import ExcelJS from "exceljs";
import { neutraliseFormula } from "@/lib/exports/cells";
import type { Batches, ExportColumn } from "@/lib/exports/columns";
import { type CellKind, type CellStyleOf, rowXml } from "@/lib/exports/xlsx-row-xml";

const dateFormats = { date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm" } as const;
/** Bytes written but not yet compressed or read, beyond which the writer waits (flat memory, slow clients too). */
const unreadLimit = 512 * 1024;
/**
 * Rows written between two looks at what is pending: looking once per page of 1,000 rows (about
 * 1.2 MB of XML) let a page pile up before each wait.
 */
const rowsBetweenChecks = 100;
/**
 * Rows between two full collections, when the process exposes one (the web server runs with
 * --expose-gc, scripts/web-node-flags.ts). Nothing is retained, but V8 sizes its heap by the
 * allocation rate, and an export allocates a few KB per row: without a collection now and then
 * the heap grew by 80–170 MB for 100,000 rows before V8 collected on its own.
 */
const rowsBetweenCollections = 10_000;
const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * What is waiting between the rows and the reader. ExcelJS's sheet stream (a StreamBuf) writes
 * to the zip entry ignoring backpressure, so a writer faster than compression piles buffers up
 * in the entry's writable side (measured: 210 MB of buffers for 100,000 rows without this
 * wait); its pipes are read here, as are the unread bytes of the output.
 */
function pendingBytes(sheet: ExcelJS.Worksheet, output: PassThrough): number {
  type Buffered = { _writableState?: { length: number }; _readableState?: { length: number } };
  type SheetStream = { pipes?: Buffered[]; buffers?: { length: number }[] };
  const stream = (sheet as unknown as { stream?: SheetStream }).stream;
  // The entry streams come from readable-stream 2, whose states have no public length getters.
  const held = (stream?.pipes ?? []).reduce(
    (sum, pipe) => sum + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0),
    0,
  );
  // What the sheet stream keeps itself until the zip reaches its entry.
  const kept = (stream?.buffers ?? []).reduce((sum, buffer) => sum + buffer.length, 0);
  return output.readableLength + held + kept;
}

/**
 * The style index of each column's cells per kind of value, registered in the workbook's styles
 * on first use, as ExcelJS registers a cell's style when it writes it (so styles.xml is the same).
 */
function columnStyleIds(workbook: ExcelJS.stream.xlsx.WorkbookWriter, columnStyles: Partial<ExcelJS.Style>[]) {
  const styles = (workbook as unknown as { styles: { addStyleModel(style: object, type: ExcelJS.ValueType): number } })
    .styles;
  const types: Record<CellKind, ExcelJS.ValueType> = {
    text: ExcelJS.ValueType.String,
    number: ExcelJS.ValueType.Number,
    date: ExcelJS.ValueType.Date,
    empty: ExcelJS.ValueType.Null,
  };
  const known: Record<CellKind, number[]> = { text: [], number: [], date: [], empty: [] };
  const styleOf: CellStyleOf = (columnIndex, kind) => {
    let id = known[kind][columnIndex];
    if (id === undefined) {
      // A copy: ExcelJS remembers a style object's index whatever the kind of value it came with.
      id = styles.addStyleModel({ ...columnStyles[columnIndex] }, types[kind]);
      known[kind][columnIndex] = id;
    }
    return id;
  };
  return styleOf;
}

/**
 * The output as a web stream that reads a chunk only when the response asks for one. Node's
 * Readable.toWeb moves every chunk into its own queue as soon as it is written (its queue counts
 * chunks, not bytes), so a slow client's bytes piled up there, out of the writer's sight.
 */
function pulledStream(output: PassThrough): ReadableStream<Uint8Array> {
  const chunks = output[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The rows as an .xlsx byte stream, written by ExcelJS's streaming WorkbookWriter (the zip, the
 * styles, the sheet's frame and header) with each data row serialised into the zip as soon as it
 * is read, so memory stays flat whatever the number of rows. Cells are typed: numbers as numbers, dates as dates with a date format; text
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
  const columnStyles: Partial<ExcelJS.Style>[] = columns.map((column) =>
    column.type === "date" || column.type === "datetime" ? { numFmt: dateFormats[column.type] } : {},
  );
  sheet.columns = columns.map((column, index) => ({
    key: String(index),
    width: column.width ?? 18,
    style: columnStyles[index],
  }));

  const styleOf = columnStyleIds(workbook, columnStyles);
  const write = async () => {
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    const sheetStream = (sheet as unknown as { stream: { write(xml: string): void } }).stream;
    let rowNumber = 1;
    for await (const batch of batches) {
      for (const row of batch) {
        // Backpressure: wait while the compressor or the reader is behind (see pendingBytes).
        if (++rowNumber % rowsBetweenChecks === 0) {
          while (pendingBytes(sheet, output) > unreadLimit && !output.destroyed) await sleep(5);
          if (output.destroyed) return;
        }
        if (rowNumber % rowsBetweenCollections === 0) collectGarbage?.();
        const values = columns.map((column) => {
          const value = column.value(row);
          return typeof value === "string" ? neutraliseFormula(value) : value;
        });
        // The header went through ExcelJS (it opened the sheet's data); the rows are written as
        // the same XML, without ExcelJS's objects per cell (see rowXml).
        sheetStream.write(rowXml(rowNumber, values, styleOf));
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return pulledStream(output);
}
