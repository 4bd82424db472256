/**
 * The migration runner of prisma/migrate/ against a real PostgreSQL: each test gets its own
 * throwaway database, schema file and migrations folder.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapterFactory } from "../../prisma/migrate/adapter.ts";
import {
  createMigration,
  deployMigrations,
  type MigrateOptions,
  migrationStatus,
  resolveRolledBack,
} from "../../prisma/migrate/runner.ts";
import { dropDatabase, ensureDatabase, ensurePostgres, type PostgresServer } from "../../prisma/postgres.ts";

const userSchema = `datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  name  String
}
`;

let server: PostgresServer;
let tmpRoot: string;
const databases: string[] = [];

beforeAll(async () => {
  server = await ensurePostgres();
  tmpRoot = await mkdtemp(path.join(os.tmpdir(), "migrate-test-"));
}, 30_000);

afterAll(async () => {
  for (const name of databases) await dropDatabase(server, name);
  await rm(tmpRoot, { recursive: true, force: true });
  await server.stop();
}, 30_000);

/** A fresh database, schema file and migrations folder holding `migrations` (name → SQL). */
async function project(migrations: Record<string, string> = {}, schema = userSchema): Promise<MigrateOptions> {
  const name = `migrate_test_${randomUUID().slice(0, 8)}`;
  databases.push(name);
  const databaseUrl = await ensureDatabase(server, name);
  const dir = path.join(tmpRoot, name);
  const migrationsDir = path.join(dir, "migrations");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "schema.prisma"), schema);
  for (const [migration, sql] of Object.entries(migrations)) await addMigration(migrationsDir, migration, sql);
  return { databaseUrl, schemaPath: path.join(dir, "schema.prisma"), migrationsDir };
}

async function addMigration(migrationsDir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(migrationsDir, name), { recursive: true });
  await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
  await writeFile(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function tables(url: string): Promise<string[]> {
  const rows = await query<{ tablename: string }>(
    url,
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
  );
  return rows.map((row) => row.tablename);
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

function migrationRows(url: string): Promise<MigrationRow[]> {
  return query<MigrationRow>(
    url,
    "SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at",
  );
}

async function shadowDatabases(): Promise<string[]> {
  const rows = await query<{ datname: string }>(
    server.adminUrl,
    "SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_migrate\\_shadow\\_db\\_%'",
  );
  return rows.map((row) => row.datname);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("prisma/migrate runner", { timeout: 30_000 }, () => {
  it("deploys every pending migration once, recorded with sha256 checksums", async () => {
    const migrations = {
      "20250101000000_users": 'CREATE TABLE "User" ("id" SERIAL PRIMARY KEY, "email" TEXT NOT NULL);\n',
      "20250102000000_posts": 'CREATE TABLE "Post" ("id" SERIAL PRIMARY KEY, "title" TEXT NOT NULL);\n',
    };
    const options = await project(migrations);

    expect(await deployMigrations(options)).toEqual({ applied: Object.keys(migrations) });
    expect(await tables(options.databaseUrl)).toEqual(["Post", "User", "_prisma_migrations"]);
    const rows = await migrationRows(options.databaseUrl);
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(
      Object.entries(migrations).map(([name, sql]) => [name, sha256(sql)]),
    );
    expect(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);

    expect(await deployMigrations(options)).toEqual({ applied: [] });
    expect(await migrationRows(options.databaseUrl)).toHaveLength(2);
  });

  it("creates a migration in the standard layout (dev), then none without a schema change", async () => {
    const options = await project();
    await expect(createMigration(options)).rejects.toThrow(/name the new migration/);

    const first = await createMigration({ ...options, name: "Init userTable" });
    expect(first.created).toMatch(/^\d{14}_init_user_table$/);
    expect(first.applied).toEqual([first.created]);
    expect(await readFile(path.join(options.migrationsDir, "migration_lock.toml"), "utf8")).toBe(
      "# Please do not edit this file manually\n" +
        "# It should be added in your version-control system (e.g., Git)\n" +
        'provider = "postgresql"\n',
    );
    const sql = await readFile(path.join(options.migrationsDir, first.created!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "User"');
    expect(await tables(options.databaseUrl)).toEqual(["User", "_prisma_migrations"]);
    expect((await migrationRows(options.databaseUrl)).map((row) => row.checksum)).toEqual([sha256(sql)]);

    expect(await createMigration(options)).toEqual({ created: null, applied: [] });
    expect(await readdir(options.migrationsDir)).toHaveLength(2);
  });

  it("refuses a migration that loses data unless allowed", async () => {
    const options = await project();
    await createMigration({ ...options, name: "init" });
    await query(options.databaseUrl, `INSERT INTO "User" ("email", "name") VALUES ('a@example.org', 'A')`);
    await writeFile(options.schemaPath, userSchema.replace("  name  String\n", ""));

    await expect(createMigration({ ...options, name: "drop name" })).rejects.toThrow(
      /may lose data or fail: You are about to drop the column `name`.*allow-data-loss/s,
    );
    expect(await readdir(options.migrationsDir)).toHaveLength(2);

    const { created } = await createMigration({ ...options, name: "drop name", allowDataLoss: true });
    expect(created).toMatch(/_drop_name$/);
    const columns = await query<{ column_name: string }>(
      options.databaseUrl,
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'User' ORDER BY 1`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(["email", "id"]);
  });

  it("rolls a failing migration back entirely, records it as failed and blocks deploys until resolved", async () => {
    const broken = "20250102000000_broken";
    const options = await project({
      "20250101000000_ok": 'CREATE TABLE "Ok" ("id" INT);\n',
      [broken]: 'CREATE TABLE "Partial" ("id" INT);\nINSERT INTO "Partial" VALUES (1);\nSELECT * FROM "Nowhere";\n',
    });

    await expect(deployMigrations(options)).rejects.toThrow(
      new RegExp(`Migration ${broken} failed and was rolled back .*Nowhere.*resolve --rolled-back ${broken}`),
    );
    expect(await tables(options.databaseUrl)).toEqual(["Ok", "_prisma_migrations"]);
    const failed = (await migrationRows(options.databaseUrl)).find((row) => row.migration_name === broken);
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null });
    expect(failed?.logs).toContain("Nowhere");

    await expect(deployMigrations(options)).rejects.toThrow(
      new RegExp(`Migration ${broken} failed earlier.*fix its migration.sql.*resolve --rolled-back ${broken}`),
    );
    expect(await migrationStatus(options)).toMatchObject({ applied: ["20250101000000_ok"], failed: [broken] });

    await writeFile(path.join(options.migrationsDir, broken, "migration.sql"), 'CREATE TABLE "Partial" ("id" INT);\n');
    await resolveRolledBack(options, broken);
    expect(await deployMigrations(options)).toEqual({ applied: [broken] });
    expect(await tables(options.databaseUrl)).toEqual(["Ok", "Partial", "_prisma_migrations"]);
  });

  it("serializes concurrent deploys on the advisory lock: each migration is applied once", async () => {
    const migrations = {
      // The sleep keeps the lock long enough for the other deploys to queue behind it.
      "20250101000000_slow": 'SELECT pg_sleep(0.5);\nCREATE TABLE "Counter" ("n" INT);\n',
      "20250102000000_insert": 'INSERT INTO "Counter" VALUES (1);\n',
    };
    const options = await project(migrations);

    const results = await Promise.all([1, 2, 3].map(() => deployMigrations(options)));

    expect(results.map((result) => result.applied).sort()).toEqual([[], [], Object.keys(migrations)]);
    expect(await query(options.databaseUrl, 'SELECT "n" FROM "Counter"')).toEqual([{ n: 1 }]);
    expect(await migrationRows(options.databaseUrl)).toHaveLength(2);
  });

  it("reports applied, pending and drift (status)", async () => {
    const options = await project({ "20250101000000_users": 'CREATE TABLE "User" ("id" INT);\n' });
    expect(await migrationStatus(options)).toMatchObject({ applied: [], pending: ["20250101000000_users"] });

    await deployMigrations(options);
    await addMigration(options.migrationsDir, "20250102000000_posts", 'CREATE TABLE "Post" ("id" INT);\n');
    expect(await migrationStatus(options)).toEqual({
      applied: ["20250101000000_users"],
      pending: ["20250102000000_posts"],
      failed: [],
      edited: [],
      missing: [],
      drift: null,
    });

    await deployMigrations(options);
    await query(options.databaseUrl, 'CREATE TABLE "Manual" ("id" INT)');
    const status = await migrationStatus(options);
    expect(status).toMatchObject({ applied: ["20250101000000_users", "20250102000000_posts"], pending: [] });
    expect(status.drift).toMatch(/Drift detected[\s\S]*Added tables[\s\S]*Manual/);
  });

  it("applies DO $$ blocks and semicolons inside string literals as written (adapter defect 2)", async () => {
    const options = await project({
      "20250101000000_notes": `CREATE TABLE "Note" ("body" TEXT);
INSERT INTO "Note" VALUES ('a;b');
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Note" WHERE "body" = 'x;y') THEN
    INSERT INTO "Note" VALUES ('c;d');
  END IF;
END
$$;
`,
    });

    await deployMigrations(options);

    const notes = await query<{ body: string }>(options.databaseUrl, 'SELECT "body" FROM "Note" ORDER BY 1');
    expect(notes.map((note) => note.body)).toEqual(["a;b", "c;d"]);
  });

  it('reports PostgreSQL\'s "char" columns as characters (adapter defect 1)', async () => {
    const { databaseUrl } = await project();
    const factory = createAdapterFactory(databaseUrl);
    try {
      const adapter = await factory.connect();
      const result = await adapter.queryRaw({
        sql: `SELECT 'r'::"char" AS "kind", 'text' AS "label"`,
        args: [],
        argTypes: [],
      });
      expect(result.columnTypes).toEqual([ColumnTypeEnum.Character, ColumnTypeEnum.Text]);
      expect(result.rows).toEqual([["r", "text"]]);
    } finally {
      await factory.close();
    }
  });

  it("applies pending migrations before creating the next one (dev)", async () => {
    const users = "20250101000000_users";
    const options = await project({
      [users]:
        'CREATE TABLE "User" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));\n' +
        'CREATE UNIQUE INDEX "User_email_key" ON "User"("email");\n',
    });

    const { created, applied } = await createMigration({ ...options, name: "add name" });

    expect(applied).toEqual([users, created]);
    const sql = await readFile(path.join(options.migrationsDir, created!, "migration.sql"), "utf8");
    expect(sql).toContain('ADD COLUMN     "name" TEXT NOT NULL');
  });

  it("drops the shadow databases it creates, also when replaying the migrations fails (adapter defect 3)", async () => {
    // Only this test's: a run killed earlier on the same server may have left one behind.
    const before = await shadowDatabases();
    const options = await project();
    await createMigration({ ...options, name: "init" });
    expect(await shadowDatabases()).toEqual(before);

    await addMigration(options.migrationsDir, "20990101000000_broken", "THIS IS NOT SQL;\n");
    await expect(createMigration({ ...options, name: "next" })).rejects.toThrow(/20990101000000_broken/);
    expect(await shadowDatabases()).toEqual(before);
  });
});
