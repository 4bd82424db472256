/**
 * The schema a backup's rows go into: the backup's own migrations, replayed from the project's
 * folder. Rows from an older portal are restored into the schema they were taken from, and the
 * project's later migrations then transform them as they would have on the live database.
 */
import { createHash } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { listMigrations } from "../../prisma/migrate/migrations-dir.ts";
import type { BackupHeader } from "./format.ts";

/**
 * Refuses a backup that is not a prefix of the project's migrations: a migration the project
 * does not have (a newer portal, another branch), or one whose migration.sql changed since,
 * would put the rows into a schema the project cannot reproduce. Returns the project's
 * migrations that come after the backup's.
 */
export async function checkMigrations(header: BackupHeader, migrationsDir: string): Promise<{ later: string[] }> {
  const project = (await listMigrations(migrationsDir)).migrationDirectories.map((directory) => ({
    name: directory.path,
    // _prisma_migrations.checksum is the sha256 of migration.sql, as Prisma computes it.
    checksum: directory.migrationFile.content.tag === "ok" ? sha256(directory.migrationFile.content.value) : "",
  }));
  const unknown = header.migrations.filter((migration, index) => project[index]?.name !== migration.name);
  if (unknown.length > 0) {
    throw new Error(
      `The backup's schema has migrations this project does not have (${unknown.map((migration) => migration.name).join(", ")}): ` +
        "restore it with the version of the portal that made it.",
    );
  }
  const edited = header.migrations.filter((migration, index) => project[index]!.checksum !== migration.checksum);
  if (edited.length > 0) {
    throw new Error(
      `Migration ${edited.map((migration) => migration.name).join(", ")} changed since the backup was made: its schema cannot be reproduced.`,
    );
  }
  return { later: project.slice(header.migrations.length).map((migration) => migration.name) };
}

/** A copy of the migrations folder holding only the backup's migrations, for deployMigrations. */
export async function backupMigrationsDir(
  header: BackupHeader,
  migrationsDir: string,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "portal-restore-"));
  await cp(path.join(migrationsDir, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  for (const { name } of header.migrations)
    await cp(path.join(migrationsDir, name), path.join(dir, name), { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
