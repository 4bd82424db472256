/**
 * Restores a backup into a database of the server: rebuilt in a staging database (the backup's
 * migrations, its rows, the project's later migrations), swapped in only once verified. A
 * restore that fails or does not match leaves the target as it was.
 */
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "../../prisma/migrate/runner.ts";
import { dropDatabase, ensureDatabase, type PostgresServer, projectRoot } from "../../prisma/postgres.ts";
import { listTables, quoteIdent } from "./catalog.ts";
import type { BackupHeader } from "./format.ts";
import { loadRows, readBackupHeader } from "./load.ts";
import { backupMigrationsDir, checkMigrations } from "./migrations.ts";

export interface RestoreOptions {
  file: string;
  server: PostgresServer;
  /** The database to replace (created if it does not exist). */
  database: string;
  /** Replace a database that holds rows. */
  force?: boolean;
  migrationsDir?: string;
  schemaPath?: string;
  log?: (line: string) => void;
}

/** The target holds data and --force was not given (nothing was changed). */
export class RestoreRefusedError extends Error {}

export async function restoreBackup(options: RestoreOptions): Promise<{ header: BackupHeader; later: string[] }> {
  const { server, database } = options;
  const migrationsDir = options.migrationsDir ?? path.join(projectRoot, "prisma", "migrations");
  const schemaPath = options.schemaPath ?? path.join(projectRoot, "prisma", "schema");
  const header = await readBackupHeader(options.file);
  const { later } = await checkMigrations(header, migrationsDir);
  await refuseIfHoldsData(options);

  const staging = `${database}_restoring`;
  await dropDatabase(server, staging); // left by a restore that was killed
  const stagingUrl = await ensureDatabase(server, staging);
  try {
    const backupMigrations = await backupMigrationsDir(header, migrationsDir);
    try {
      await deployMigrations({ databaseUrl: stagingUrl, schemaPath, migrationsDir: backupMigrations.dir });
    } finally {
      await backupMigrations.remove();
    }
    await loadRows(stagingUrl, options.file, header);
    if (later.length > 0)
      await deployMigrations({ databaseUrl: stagingUrl, schemaPath, migrationsDir, log: options.log });
    // Again, for rows written into the target while the restore ran.
    await refuseIfHoldsData(options);
    // DROP … WITH (FORCE) ends the sessions still open on the target (a running portal's pool
    // reconnects to the restored database).
    await dropDatabase(server, database);
    await withAdmin(server, (client) =>
      client.query(`ALTER DATABASE ${quoteIdent(staging)} RENAME TO ${quoteIdent(database)}`),
    );
  } catch (error) {
    await dropDatabase(server, staging).catch(() => {});
    throw error;
  }
  return { header, later };
}

async function refuseIfHoldsData({ server, database, force }: RestoreOptions): Promise<void> {
  if (force) return;
  const exists = await withAdmin(server, (client) =>
    client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]),
  );
  if (!exists.rowCount) return;
  const client = new pg.Client({ connectionString: server.urlFor(database) });
  await client.connect();
  try {
    const tables = await listTables(client);
    if (tables.length === 0) return;
    const { rows } = await client.query<{ holds: boolean }>(
      `SELECT ${tables.map((table) => `EXISTS (SELECT 1 FROM ${quoteIdent(table.name)})`).join(" OR ")} AS holds`,
    );
    if (rows[0]!.holds)
      throw new RestoreRefusedError(`Database ${database} holds data: pass --force to replace it with the backup.`);
  } finally {
    await client.end();
  }
}

async function withAdmin<T>(server: PostgresServer, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
