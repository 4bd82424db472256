import { z } from "zod";
import { csvSeparator } from "@/lib/exports/cells";
import type { Batches, ExportColumn } from "@/lib/exports/columns";
import { csvStream } from "@/lib/exports/csv-writer";
import { xlsxStream } from "@/lib/exports/xlsx-writer";

/** ?format=xlsx (the default) or ?format=csv; anything else reads as the default. */
export const ZExportFormat = z.enum(["xlsx", "csv"]).catch("xlsx");
export type ExportFormat = z.infer<typeof ZExportFormat>;

const contentTypes: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/**
 * A staff list as a download, streamed: the workbook or the CSV (";" in French, "," in
 * English), with headers in the user's language. Every list's route answers through here.
 */
export function exportResponse<Row>(options: {
  format: ExportFormat;
  locale: string;
  /** The file name without extension, ASCII. */
  filename: string;
  sheetName: string;
  columns: readonly ExportColumn<Row>[];
  batches: Batches<Row>;
}): Response {
  const body =
    options.format === "xlsx"
      ? xlsxStream(options.columns, options.batches, options.sheetName)
      : csvStream(options.columns, options.batches, csvSeparator(options.locale));
  return new Response(body, {
    headers: {
      "Content-Type": contentTypes[options.format],
      "Content-Disposition": `attachment; filename="${options.filename}.${options.format}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Every row of a keyset-paged list, page after page (each page read only when the writer needs it). */
export async function* allPages<Row>(
  readPage: (after: string | undefined) => Promise<{ rows: Row[]; nextCursor: string | null }>,
): AsyncGenerator<Row[]> {
  let after: string | undefined;
  for (;;) {
    const { rows, nextCursor } = await readPage(after);
    if (rows.length > 0) yield rows;
    if (!nextCursor) return;
    after = nextCursor;
  }
}
