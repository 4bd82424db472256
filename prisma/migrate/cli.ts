/**
 * Migrations without the Prisma CLI (which cannot download its native engine here):
 *
 *   tsx prisma/migrate/cli.ts deploy                         apply the pending migrations
 *   tsx prisma/migrate/cli.ts dev [--name <name>] [--allow-data-loss]
 *                                                            apply the pending migrations, then create one
 *                                                            from the schema's changes (named by --name), apply it
 *   tsx prisma/migrate/cli.ts status                         exit 1 unless everything is applied and in sync
 *   tsx prisma/migrate/cli.ts resolve --rolled-back <migration>
 *                                                            after a failed migration was fixed
 *
 * The database is DATABASE_URL as is, or else the `portal` database of the embedded PostgreSQL.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureDatabase, ensurePostgres, projectRoot } from "../postgres.ts";
import {
  createMigration,
  deployMigrations,
  type MigrateOptions,
  type MigrationStatus,
  migrationStatus,
  resolveRolledBack,
} from "./runner.ts";

const usage =
  "usage: tsx prisma/migrate/cli.ts <deploy | dev [--name <name>] [--allow-data-loss] | status | resolve --rolled-back <migration>>";

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "allow-data-loss": { type: "boolean", default: false },
      "rolled-back": { type: "string" },
    },
  });
  const [command, ...extra] = positionals;
  if (extra.length > 0 || !command) throw new Error(usage);

  const server = await ensurePostgres({ log });
  try {
    const options: MigrateOptions = {
      databaseUrl: process.env.DATABASE_URL ?? (await ensureDatabase(server, "portal")),
      schemaPath: path.join(projectRoot, "prisma", "schema"),
      migrationsDir: path.join(projectRoot, "prisma", "migrations"),
      log,
    };
    switch (command) {
      case "deploy": {
        const { applied } = await deployMigrations(options);
        log(applied.length > 0 ? `${applied.length} migration(s) applied.` : "No pending migration.");
        return 0;
      }
      case "dev": {
        const { created } = await createMigration({
          ...options,
          name: values.name,
          allowDataLoss: values["allow-data-loss"],
        });
        log(
          created
            ? `The database is in sync with the schema, through ${created}.`
            : "The database is in sync with the schema.",
        );
        return 0;
      }
      case "status":
        return printStatus(await migrationStatus(options));
      case "resolve": {
        if (!values["rolled-back"]) throw new Error(`resolve needs --rolled-back <migration>; ${usage}`);
        await resolveRolledBack(options, values["rolled-back"]);
        return 0;
      }
      default:
        throw new Error(`unknown command "${command}"; ${usage}`);
    }
  } finally {
    await server.stop();
  }
}

function printStatus(status: MigrationStatus): number {
  const sections: [string, string[]][] = [
    ["Applied", status.applied],
    ["Pending", status.pending],
    ["Failed (resolve with: resolve --rolled-back <migration>)", status.failed],
    ["Edited since applied", status.edited],
    ["Applied but missing from prisma/migrations", status.missing],
  ];
  for (const [title, names] of sections) {
    if (names.length > 0) log(`${title}:\n${names.map((name) => `  ${name}`).join("\n")}`);
  }
  if (status.drift) log(status.drift.trim());
  const inSync =
    [status.pending, status.failed, status.edited, status.missing].every((names) => names.length === 0) &&
    !status.drift;
  log(inSync ? "Database schema is up to date." : "The database is not in sync with prisma/migrations.");
  return inSync ? 0 : 1;
}

function log(line: string): void {
  console.log(line);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`migrate: ${message.replace(/\s*\n\s*/g, " ").trim()}`);
    process.exitCode = 1;
  },
);
