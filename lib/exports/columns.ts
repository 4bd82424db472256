import type { CellType, CellValue } from "@/lib/exports/cells";

/**
 * A list's export is its columns as data: a header key (in the "listExports" catalogue, under the
 * list's name), a cell type and how to read the cell from a row. The same columns serve the
 * CSV and the workbook.
 */
export interface ColumnSpec<Row> {
  key: string;
  type: CellType;
  /** Width in characters, for the workbook. */
  width?: number;
  value: (row: Row) => CellValue;
}

/** A column with its header in the user's language, as the writers take it. */
export interface ExportColumn<Row> extends ColumnSpec<Row> {
  header: string;
}

/** The list's columns with their headers translated (`header` reads "list.key" of the catalogue). */
export function withHeaders<Row>(
  list: string,
  specs: readonly ColumnSpec<Row>[],
  header: (key: string) => string,
): ExportColumn<Row>[] {
  return specs.map((spec) => ({ ...spec, header: header(`${list}.${spec.key}`) }));
}

/** The rows, batch by batch: a keyset-paged reader (lib/exports/respond.ts allPages) or a list in memory. */
export type Batches<Row> = AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>;
