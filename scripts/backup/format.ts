/**
 * The backup file: gzip-compressed JSON Lines, written and read as a stream so that neither
 * side holds a whole table in memory (one JSON document would have to be parsed whole).
 *
 *   line 1            the header (BackupHeader): migrations, tables, row counts, checksums
 *   {"table":"T"}     starts table T's rows, in the header's order
 *   ["v1",null,…]     one row: each column's PostgreSQL text form, in the header's column order
 *   {"end":true}      the last line, so a truncated file is refused rather than half restored
 *
 * Values are PostgreSQL's own text forms (what COPY writes), cast back by the restore, so every
 * type round-trips exactly: bigints beyond 2^53, timestamps, arrays, and a JSON column holding
 * JSON `null`, which row_to_json/json_populate_recordset would turn into SQL NULL.
 */
import { StringDecoder } from "node:string_decoder";

export const backupFormat = "amu-portal-backup";
export const backupVersion = 1;

export interface BackupHeader {
  format: typeof backupFormat;
  version: number;
  createdAt: string;
  database: string;
  serverVersion: string;
  /** Applied migrations in order, as `_prisma_migrations` records them (checksum: sha256 of migration.sql). */
  migrations: { name: string; checksum: string }[];
  tables: BackupTable[];
  /** Sequences are not transactional: restored as they were, not recomputed from max(id). */
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
  /** See tableStats in ./catalog.ts. */
  checksum: string;
}

/** The table holding the dossiers: its checksum is the one the issue asks to compare. */
export const dossierTable = "Application";

export function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> = {};
  try {
    header = line ? (JSON.parse(line) as Partial<BackupHeader>) : {};
  } catch {
    // Refused below, with a message that says what the file is not.
  }
  if (header?.format !== backupFormat) throw new Error("Not a portal backup (no backup header on the first line).");
  if (header.version !== backupVersion) {
    throw new Error(
      `Backup format version ${String(header.version)} is not supported (this portal reads version ${backupVersion}).`,
    );
  }
  return header as BackupHeader;
}

/** Splits a byte stream into lines without splitting a UTF-8 character across chunks. */
export async function* splitLines(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of source) {
    const parts = (rest + decoder.write(chunk)).split("\n");
    rest = parts.pop() ?? "";
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}
