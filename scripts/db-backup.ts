/**
 * Backs up the portal's database to one gzip file (format: scripts/backup/format.ts).
 *
 *   npm run db:backup [-- --database <name>] [-- --out <file>]
 *
 * A logical backup through the `pg` driver, read in one snapshot while the portal keeps
 * running: the embedded PostgreSQL ships no pg_dump. It holds the rows, the sequences and the
 * list of applied migrations; the schema itself is rebuilt from the migrations on restore
 * (`npm run db:restore`). Uploaded files (UPLOAD_DIR) are not in the database: back them up
 * alongside. The file holds personal data: it is written readable by its owner only.
 *
 * Settings: DATABASE_URL (its database, or --database on the same server); without it, the
 * embedded server's `portal` database. Default file: .data/backups/<database>-<time>.jsonl.gz.
 *
 * Exit code: 0 when the backup is written; 1 on an error (no file is left).
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensurePostgres, type PostgresServer, projectRoot } from "../prisma/postgres.ts";
import { dumpDatabase } from "./backup/dump.ts";
import { dossierTable } from "./backup/format.ts";

const { values: flags } = parseArgs({ options: { database: { type: "string" }, out: { type: "string" } } });

const log = (line: string) => console.log(`[db:backup] ${line}`);

async function main(): Promise<number> {
  const started = Date.now();
  let server: PostgresServer | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl || flags.database) {
    server = await ensurePostgres({ log });
    databaseUrl = server.urlFor(flags.database ?? "portal");
  }
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
  const out = path.resolve(flags.out ?? path.join(projectRoot, ".data", "backups", `${database}-${stamp}.jsonl.gz`));
  try {
    const header = await dumpDatabase({ databaseUrl, out });
    const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
    const dossiers = header.tables.find((table) => table.name === dossierTable);
    const { size } = await stat(out);
    log(`${header.tables.map((table) => `${table.name}=${table.rows}`).join(" ")}`);
    log(
      `Backed up ${database} (${header.migrations.length} migrations, ${header.tables.length} tables, ${rows} rows; ` +
        `${dossiers?.rows ?? 0} dossiers, checksum ${dossiers?.checksum ?? "-"}) to ${out}: ` +
        `${(size / 1024).toFixed(1)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  } finally {
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[db:backup] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
