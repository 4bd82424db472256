/**
 * Restores a backup made by `npm run db:backup` (format: scripts/backup/format.ts).
 *
 *   npm run db:restore -- --from <file> [--database <name>] [--force]
 *
 * The database is rebuilt beside the target: the backup's migrations, its rows in one
 * transaction (sequences included), a check of every table's row count and checksum against
 * the backup's, then the project's later migrations; only then does it replace the target.
 * A database that holds rows is replaced only with --force. A backup made with migrations this
 * project does not have is refused. Stop the portal first: replacing the database ends its
 * sessions, and rows written meanwhile would be lost.
 *
 * Settings: DATABASE_URL (its database, or --database on the same server); without it, the
 * embedded server's `portal` database. Needs the right to create databases.
 *
 * Exit code: 0 when restored and verified; 2 when the restored data differs from the backup
 * (nothing changed); 1 on an error or a refusal (nothing changed).
 */
import { parseArgs } from "node:util";
import { ensurePostgres } from "../prisma/postgres.ts";
import { dossierTable } from "./backup/format.ts";
import { VerificationError } from "./backup/load.ts";
import { restoreBackup } from "./backup/restore.ts";

const { values: flags } = parseArgs({
  options: { from: { type: "string" }, database: { type: "string" }, force: { type: "boolean", default: false } },
});

const log = (line: string) => console.log(`[db:restore] ${line}`);

async function main(): Promise<number> {
  if (!flags.from) {
    console.error("[db:restore] Usage: npm run db:restore -- --from <backup file> [--database <name>] [--force]");
    return 1;
  }
  const started = Date.now();
  const fromUrl = process.env.DATABASE_URL
    ? decodeURIComponent(new URL(process.env.DATABASE_URL).pathname.slice(1))
    : "";
  const database = flags.database ?? (fromUrl || "portal");
  const server = await ensurePostgres({ log });
  try {
    const { header, later } = await restoreBackup({ file: flags.from, server, database, force: flags.force, log });
    const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
    const dossiers = header.tables.find((table) => table.name === dossierTable);
    log(`${header.tables.map((table) => `${table.name}=${table.rows}`).join(" ")}`);
    log(
      `Restored ${header.database} of ${header.createdAt} into ${database}: ${header.tables.length} tables, ${rows} rows, ` +
        `row counts and checksums verified (${dossiers?.rows ?? 0} dossiers, checksum ${dossiers?.checksum ?? "-"})` +
        `${later.length ? `, then applied ${later.join(", ")}` : ""}; ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[db:restore] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof VerificationError ? 2 : 1);
  },
);
