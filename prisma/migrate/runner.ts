/**
 * What `prisma migrate deploy`, `migrate dev`, `migrate status` and `migrate resolve
 * --rolled-back` do, driven through the WebAssembly schema engine (./engine.ts), with the
 * engine calls in the order the Prisma CLI makes them (packages/migrate/src/commands).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { EngineError, type SchemaEngine, type SchemaFile, withEngine } from "./engine.ts";
import { listMigrations, migrationSlug, writeMigration } from "./migrations-dir.ts";

export interface MigrateOptions {
  databaseUrl: string;
  /** The Prisma schema: one file, or a folder of .prisma files (Prisma's multi-file schema). */
  schemaPath: string;
  migrationsDir: string;
  log?: (line: string) => void;
}

export interface MigrationStatus {
  /** Applied to the database, in folder order. */
  applied: string[];
  /** In the folder, not applied yet. */
  pending: string[];
  /** Started and failed: deploy refuses to run until each is resolved. */
  failed: string[];
  /** Applied, but their migration.sql changed since. */
  edited: string[];
  /** Applied to the database but absent from the folder. */
  missing: string[];
  /** Why the database schema does not match the migrations (drift …), or null when it does. */
  drift: string | null;
}

const filters: SchemaFilter = { externalTables: [], externalEnums: [] };
const resolveCommand = "tsx prisma/migrate/cli.ts resolve --rolled-back";

/** Applies the pending migrations, each in one transaction; concurrent runs serialize. */
export async function deployMigrations(options: MigrateOptions): Promise<{ applied: string[] }> {
  const applied = await openEngine(options, (engine) => applyPending(engine, options));
  reportApplied(options, applied);
  return { applied };
}

/**
 * The dev flow: applies the pending migrations, writes a new one for the changes of the schema
 * (none if there are none; `name` is needed only then), and applies it. Refuses a change the engine warns about (data loss,
 * a unique constraint on existing rows, …) unless `allowDataLoss`.
 */
export async function createMigration(
  options: MigrateOptions & { name?: string; allowDataLoss?: boolean },
): Promise<{ created: string | null; applied: string[] }> {
  return openEngine(options, async (engine, schemaFiles) => {
    const migrationsList = await listMigrations(options.migrationsDir);
    await checkInSync(engine, migrationsList);
    const applied = await applyPending(engine, options);
    reportApplied(options, applied);
    // The first check cached the schema of the migrations applied before; evaluateDataLoss and
    // createMigration look it up by the whole folder, so cache it again once all are applied.
    if (applied.length > 0) await checkInSync(engine, migrationsList);

    const schema = { files: schemaFiles };
    const evaluation = await engine.evaluateDataLoss({ migrationsList, schema, filters });
    if (evaluation.unexecutableSteps.length > 0) {
      throw new Error(`The schema change cannot be applied: ${messages(evaluation.unexecutableSteps)}`);
    }
    const migrationName = migrationSlug(options.name ?? "");
    if (evaluation.migrationSteps > 0 && !migrationName) {
      throw new Error("The schema has changes: name the new migration (--name <name>).");
    }
    if (evaluation.warnings.length > 0 && !options.allowDataLoss) {
      throw new Error(
        `The schema change may lose data or fail: ${messages(evaluation.warnings)} Nothing was created; ` +
          "pass --allow-data-loss (allowDataLoss: true) to create and apply it anyway.",
      );
    }

    const { generatedMigrationName, migrationScript } = await engine.createMigration({
      migrationName,
      draft: false,
      migrationsList,
      schema,
      filters,
    });
    if (migrationScript === null) {
      options.log?.("No schema change: no migration created.");
      return { created: null, applied };
    }
    await writeMigration(options.migrationsDir, generatedMigrationName, migrationScript);
    options.log?.(`Created ${path.join(options.migrationsDir, generatedMigrationName, "migration.sql")}`);
    const appliedNew = await applyPending(engine, options);
    reportApplied(options, appliedNew);
    return { created: generatedMigrationName, applied: [...applied, ...appliedNew] };
  });
}

/** Compares the migrations folder with the database; checking drift uses a shadow database. */
export async function migrationStatus(options: MigrateOptions): Promise<MigrationStatus> {
  return openEngine(options, async (engine) => {
    const migrationsList = await listMigrations(options.migrationsDir);
    const diagnosis = await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: false });
    const history = diagnosis.history;
    const pending =
      history && history.diagnostic !== "migrationsDirectoryIsBehind" ? history.unappliedMigrationNames : [];
    const missing = history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
    const failed = diagnosis.failedMigrationNames;
    const local = migrationsList.migrationDirectories.map((directory) => directory.path);
    const applied = local.filter((name) => !pending.includes(name) && !failed.includes(name));
    const edited = diagnosis.editedMigrationNames;
    // devDiagnostic's reasons also cover failed, edited and missing migrations: reported above.
    const drift =
      failed.length + edited.length + missing.length === 0 ? await detectDrift(engine, migrationsList) : null;
    return { applied, pending, failed, edited, missing, drift };
  });
}

/**
 * `prisma migrate resolve --rolled-back`: after a migration failed (and its transaction rolled
 * back), marks it so that deploy runs its fixed migration.sql again.
 */
export async function resolveRolledBack(options: MigrateOptions, migrationName: string): Promise<void> {
  await openEngine(options, (engine) => engine.markMigrationRolledBack({ migrationName }));
  options.log?.(`Marked ${migrationName} as rolled back.`);
}

/**
 * Refuses to go on when the database does not match its applied migrations. The engine caches
 * the schema that devDiagnostic replays in a shadow database, keyed by those migrations:
 * evaluateDataLoss and createMigration need it, as the wasm engine cannot open a shadow database
 * for them ("PostgreSQL shadow DB must be provided through an external factory").
 */
async function checkInSync(engine: SchemaEngine, migrationsList: MigrationList): Promise<void> {
  const drift = await detectDrift(engine, migrationsList);
  if (drift) throw new Error(`The database does not match the migrations, so no migration can be created: ${drift}`);
}

/** devDiagnostic replays the applied migrations in a shadow database and compares the result with the database. */
async function detectDrift(engine: SchemaEngine, migrationsList: MigrationList): Promise<string | null> {
  const { action } = await engine.devDiagnostic({ migrationsList, filters });
  return action.tag === "reset" ? action.reason : null;
}

async function openEngine<T>(
  options: MigrateOptions,
  use: (engine: SchemaEngine, schemaFiles: SchemaFile[]) => Promise<T>,
): Promise<T> {
  const schemaFiles = await readSchemaFiles(options.schemaPath);
  return withEngine({ databaseUrl: options.databaseUrl, schemaFiles }, (engine) => use(engine, schemaFiles));
}

/** The files of a schema: the one file, or every .prisma file of the folder, in name order. */
export async function readSchemaFiles(schemaPath: string): Promise<SchemaFile[]> {
  if (!(await stat(schemaPath)).isDirectory())
    return [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
  const names = (await readdir(schemaPath)).filter((name) => name.endsWith(".prisma")).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(schemaPath, name);
      return { path: file, content: await readFile(file, "utf8") };
    }),
  );
}

/**
 * applyMigrations takes the advisory lock and keeps it until the engine closes (defect 4 of
 * ./adapter.ts), so a concurrent deploy waits, then finds nothing pending. The engine itself
 * runs each migration.sql without a transaction: its atomicity comes from defect 2's workaround.
 */
async function applyPending(engine: SchemaEngine, options: MigrateOptions): Promise<string[]> {
  const migrationsList = await listMigrations(options.migrationsDir);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters });
    return appliedMigrationNames;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    if (error.code === "P3009") {
      // Read under the lock applyMigrations took, so a migration still running elsewhere is not
      // mistaken for a failed one.
      const { failedMigrationNames } = await engine.diagnoseMigrationHistory({
        migrationsList,
        filters,
        optInToShadowDatabase: false,
      });
      throw new Error(
        `Migration ${failedMigrationNames.join(", ")} failed earlier, so no migration is applied until it is resolved: ` +
          `fix its migration.sql, run "${resolveCommand} ${failedMigrationNames[0]}", then deploy again.`,
        { cause: error },
      );
    }
    if (error.migrationName) {
      throw new Error(
        `Migration ${error.migrationName} failed and was rolled back (none of it is applied): ${error.message} ` +
          `It is recorded as failed: fix its migration.sql, run "${resolveCommand} ${error.migrationName}", then deploy again.`,
        { cause: error },
      );
    }
    throw error;
  }
}

function reportApplied(options: MigrateOptions, names: string[]): void {
  for (const name of names) options.log?.(`Applied ${name}`);
}

function messages(feedback: { message: string }[]): string {
  return feedback.map((item) => item.message.trim()).join(" ");
}
