/**
 * Vitest global setup: a throwaway database on the embedded server (or on DATABASE_URL's
 * server), migrated, for this run only; dropped afterwards. Never the demo database.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { startMailSink } from "../../lib/mail/sink.ts";
import { deployMigrations } from "../../prisma/migrate/runner.ts";
import { dropDatabase, ensureDatabase, ensurePostgres, projectRoot } from "../../prisma/postgres.ts";

export default async function setup() {
  const server = await ensurePostgres();
  const name = `portal_test_${randomBytes(4).toString("hex")}`;
  const databaseUrl = await ensureDatabase(server, name);
  await deployMigrations({
    databaseUrl,
    schemaPath: path.join(projectRoot, "prisma", "schema"),
    migrationsDir: path.join(projectRoot, "prisma", "migrations"),
  });
  // The project's own SMTP sink catches what the tests send (a real SMTP exchange).
  const mailDir = path.join(projectRoot, ".data", `${name}-mail`);
  const sink = await startMailSink({ port: 0, dir: mailDir });
  // Read by lib/env.ts in the test workers, which inherit this environment.
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NODE_ENV: "test",
    SMTP_HOST: "localhost",
    SMTP_PORT: String(sink.port),
    MAIL_SINK_DIR: mailDir,
  });
  // The official EWP files live next to the project, never inside it (tests/support/ewp-specs.ts).
  const siblingEwpSpecs = path.resolve(projectRoot, "..", "shared", "ewp");
  if (!process.env.EWP_SPECS_DIR && existsSync(siblingEwpSpecs)) process.env.EWP_SPECS_DIR = siblingEwpSpecs;
  return async () => {
    await sink.close();
    await rm(mailDir, { recursive: true, force: true });
    await dropDatabase(server, name);
    await server.stop();
  };
}
