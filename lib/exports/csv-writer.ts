import { csvField } from "@/lib/exports/cells";
import type { Batches, ExportColumn } from "@/lib/exports/columns";

/**
 * The rows as a CSV byte stream, one batch at a time and only when the reader asks for more
 * (pull): a 100,000-row list never sits in memory. A byte-order mark first so Excel reads UTF-8.
 */
export function csvStream<Row>(
  columns: readonly ExportColumn<Row>[],
  batches: Batches<Row>,
  separator: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = (cells: string[]) => `${cells.join(separator)}\r\n`;
  const iterator = (async function* () {
    yield* batches;
  })();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(`\uFEFF${line(columns.map((column) => csvField(column.header, "text", separator)))}`),
      );
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) return controller.close();
      const text = next.value
        .map((row) => line(columns.map((column) => csvField(column.value(row), column.type, separator))))
        .join("");
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
