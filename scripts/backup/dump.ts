/**
 * Writes a logical backup of one database (see ./format.ts) through the `pg` driver: the
 * embedded PostgreSQL ships no pg_dump, and the system's client is older than the server.
 */

import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import {
  fixSessionSettings,
  foreignKeyOrder,
  listSequences,
  listTables,
  migrationsTable,
  quoteIdent,
  tableStats,
} from "./catalog.ts";
import { type BackupHeader, backupFormat, backupVersion } from "./format.ts";

/** Rows fetched from the cursor at a time: bounds the memory whatever the table's size. */
const pageSize = 1000;

export interface DumpOptions {
  databaseUrl: string;
  out: string;
  log?: (line: string) => void;
}

export async function dumpDatabase(options: DumpOptions): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  // Written beside the target and renamed at the end: a failed or interrupted backup never
  // leaves a file that looks complete. Owner-only: it holds personal data and password hashes.
  const partial = `${options.out}.partial`;
  await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
  await rm(partial, { force: true });
  try {
    await fixSessionSettings(client);
    // One snapshot for the header and every table: the rows agree with each other (foreign
    // keys hold) and with the counts, while the portal keeps writing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const read = await readHeader(client);
    const lines = backupLines(client, read.header, read.primaryKeys);
    await pipeline(Readable.from(lines), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await client.query("COMMIT");
    await rename(partial, options.out);
    return read.header;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

async function readHeader(client: pg.Client): Promise<{ header: BackupHeader; primaryKeys: Map<string, string[]> }> {
  const { rows: about } = await client.query<{ database: string; version: string }>(
    "SELECT current_database() AS database, current_setting('server_version') AS version",
  );
  const { rows: migrations } = await client.query<{ name: string; checksum: string; failed: boolean }>(
    `SELECT migration_name AS name, checksum, finished_at IS NULL AS failed FROM ${quoteIdent(migrationsTable)}
     WHERE rolled_back_at IS NULL ORDER BY migration_name`,
  );
  const failed = migrations.filter((migration) => migration.failed).map((migration) => migration.name);
  // Such a database is between two schemas: what its rows would be restored into is unknown.
  if (failed.length > 0)
    throw new Error(
      `Migration ${failed.join(", ")} failed and is not resolved: fix the database before backing it up.`,
    );

  const tables: BackupHeader["tables"] = [];
  const primaryKeys = new Map<string, string[]>();
  const catalog = await listTables(client);
  // Parents first, so the restore inserts with the foreign keys checked (./load.ts).
  const { order } = await foreignKeyOrder(
    client,
    catalog.map((table) => table.name),
  );
  for (const table of order.map((name) => catalog.find((entry) => entry.name === name)!)) {
    primaryKeys.set(table.name, table.primaryKey);
    tables.push({
      name: table.name,
      columns: table.columns.map((column) => column.name),
      ...(await tableStats(client, table.name)),
    });
  }
  const sequences: BackupHeader["sequences"] = [];
  for (const name of await listSequences(client)) {
    const { rows } = await client.query<{ lastValue: string; isCalled: boolean }>(
      `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${quoteIdent(name)}`,
    );
    sequences.push({ name, ...rows[0]! });
  }
  const header: BackupHeader = {
    format: backupFormat,
    version: backupVersion,
    createdAt: new Date().toISOString(),
    database: about[0]!.database,
    serverVersion: about[0]!.version,
    migrations: migrations.map(({ name, checksum }) => ({ name, checksum })),
    tables,
    sequences,
  };
  return { header, primaryKeys };
}

async function* backupLines(
  client: pg.Client,
  header: BackupHeader,
  primaryKeys: Map<string, string[]>,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of header.tables) {
    yield `${JSON.stringify({ table: table.name })}\n`;
    // A cursor in the snapshot, rather than keyset pages: no row-value comparison to build per
    // key type, and tables without a primary key page the same way. Ordered by the primary
    // key only so that two backups of the same data are the same file.
    const key = primaryKeys.get(table.name) ?? [];
    const orderBy = key.length ? ` ORDER BY ${key.map(quoteIdent).join(", ")}` : "";
    const values = table.columns.map((column) => `t.${quoteIdent(column)}::text`).join(", ");
    await client.query(
      `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_json(ARRAY[${values}]::text[])::text AS row FROM ${quoteIdent(table.name)} t${orderBy}`,
    );
    let written = 0;
    for (;;) {
      const { rows } = await client.query<{ row: string }>(`FETCH ${pageSize} FROM backup_rows`);
      // JSON escapes line breaks inside strings, so each row stays on one line.
      if (rows.length > 0) yield `${rows.map((row) => row.row).join("\n")}\n`;
      written += rows.length;
      if (rows.length < pageSize) break;
    }
    await client.query("CLOSE backup_rows");
    if (written !== table.rows) throw new Error(`Table ${table.name}: counted ${table.rows} rows but read ${written}.`);
  }
  yield `${JSON.stringify({ end: true })}\n`;
}
