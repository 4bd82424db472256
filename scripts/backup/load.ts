/**
 * Loads a backup's rows into a database that has the backup's schema, in one transaction that
 * also restores the sequences and verifies every table's row count and checksum before it
 * commits: a restore that does not match the backup leaves nothing behind.
 */
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { fixSessionSettings, foreignKeyOrder, listTables, quoteIdent, type TableInfo, tableStats } from "./catalog.ts";
import { type BackupHeader, dossierTable, parseHeader, splitLines } from "./format.ts";

/** Rows per INSERT, and a ceiling on its parameter's size for tables of large rows. */
const batchRows = 1000;
const batchChars = 4 * 1024 * 1024;

/** The restored data differs from the backup's (exit code 2 of db:restore). */
export class VerificationError extends Error {}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  // Reads the first line only (pipeline would report the early stop as an error).
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on("error", (error) => gunzip.destroy(error));
  try {
    for await (const line of splitLines(input.pipe(gunzip))) return parseHeader(line);
    return parseHeader(undefined);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

export async function loadRows(databaseUrl: string, file: string, header: BackupHeader): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await fixSessionSettings(client);
    await client.query("BEGIN");
    const tables = new Map((await listTables(client)).map((table) => [table.name, table]));
    const { cyclic } = await foreignKeyOrder(client, [...tables.keys()]);
    if (cyclic.length > 0) await skipForeignKeyChecks(client, cyclic);
    await emptyBackedUpTables(client, header, tables);
    await insertRows(client, file, header, tables);
    for (const sequence of header.sequences) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [
        quoteIdent(sequence.name),
        sequence.lastValue,
        sequence.isCalled,
      ]);
    }
    await verify(client, header);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The backup holds every row of its tables, including reference rows a migration inserted
 * (the kinds of agreement, say): those the staging database's migrations just wrote again go
 * first, so that the backup's rows, ids and all, are the only ones.
 */
async function emptyBackedUpTables(client: pg.Client, header: BackupHeader, restored: Map<string, unknown>) {
  // A table the migrations do not make is reported by insertRows, with the backup it came from.
  const names = header.tables.map((table) => table.name).filter((name) => restored.has(name));
  if (names.length === 0) return;
  await client.query(`TRUNCATE ${names.map(quoteIdent).join(", ")}`);
}

/**
 * The backup lists its tables parents first (./dump.ts), so the foreign keys are checked as the
 * rows go in. Only a cycle needs them off, which takes a superuser (the embedded server's
 * `postgres`; on a managed database, a role such as rds_superuser, or the restore fails here).
 */
async function skipForeignKeyChecks(client: pg.Client, cyclic: string[]): Promise<void> {
  try {
    await client.query("SET LOCAL session_replication_role = replica");
  } catch (error) {
    throw new Error(
      `Tables ${cyclic.join(", ")} reference each other: restoring them needs a superuser. ${(error as Error).message}`,
    );
  }
}

async function insertRows(
  client: pg.Client,
  file: string,
  header: BackupHeader,
  tables: Map<string, TableInfo>,
): Promise<void> {
  let insert: { sql: string; table: string } | undefined;
  let batch: string[] = [];
  let batchSize = 0;
  let ended = false;
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(insert!.sql, [`[${batch.join(",")}]`]);
    batch = [];
    batchSize = 0;
  };

  await pipeline(createReadStream(file), createGunzip(), async (source: AsyncIterable<Buffer>) => {
    let first = true;
    for await (const line of splitLines(source)) {
      if (first || line === "") {
        first = false; // the header, read already
        continue;
      }
      if (ended) throw new Error("The backup has lines after its end marker.");
      if (line.startsWith("[")) {
        if (!insert) throw new Error("The backup has rows before its first table.");
        batch.push(line);
        batchSize += line.length;
        if (batch.length >= batchRows || batchSize >= batchChars) await flush();
        continue;
      }
      await flush();
      const marker = JSON.parse(line) as { table?: string; end?: boolean };
      if (marker.end) ended = true;
      else if (marker.table) insert = { table: marker.table, sql: insertSql(header, tables, marker.table) };
      else throw new Error(`Unexpected line in the backup: ${line.slice(0, 80)}`);
    }
  });
  if (!ended) throw new Error("The backup is truncated (no end marker): nothing was restored.");
}

/**
 * Each row is a JSON array of text values: cast back to the column's type, by name, so the
 * column order of the target does not matter. OVERRIDING SYSTEM VALUE keeps the ids of
 * identity columns.
 */
function insertSql(header: BackupHeader, tables: Map<string, TableInfo>, name: string): string {
  const backupTable = header.tables.find((table) => table.name === name);
  const target = tables.get(name);
  if (!backupTable || !target)
    throw new Error(`Table ${name} is not in the restored schema: the backup does not match its migrations.`);
  const types = new Map(target.columns.map((column) => [column.name, column.type]));
  const values = backupTable.columns.map((column, index) => {
    const type = types.get(column);
    if (!type)
      throw new Error(
        `Column ${name}.${column} is not in the restored schema: the backup does not match its migrations.`,
      );
    return `(r->>${index})::${type}`;
  });
  const columns = backupTable.columns.map(quoteIdent).join(", ");
  return `INSERT INTO ${quoteIdent(name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${values.join(", ")} FROM json_array_elements($1::json) AS rows(r)`;
}

async function verify(client: pg.Client, header: BackupHeader): Promise<void> {
  const differences: string[] = [];
  for (const table of header.tables) {
    const restored = await tableStats(client, table.name);
    if (restored.rows !== table.rows)
      differences.push(`${table.name}: ${restored.rows} rows restored, ${table.rows} in the backup`);
    else if (restored.checksum !== table.checksum) {
      differences.push(
        `${table.name}: ${table.name === dossierTable ? "dossier " : ""}checksum ${restored.checksum} restored, ${table.checksum} in the backup`,
      );
    }
  }
  if (differences.length > 0)
    throw new VerificationError(`The restored data differs from the backup (rolled back): ${differences.join("; ")}.`);
}
