/**
 * The quick start: `npm run demo` (after `npm run build`), or `npm run dev` for development.
 * Starts (or reuses) the embedded PostgreSQL unless DATABASE_URL is set, applies migrations,
 * seeds the demo data, starts the development SMTP sink unless SMTP_HOST is set, and runs Next.
 *
 * Flags (used by the e2e tests): --dev, --port N, --database NAME, --fresh (drop the database
 * first), --smtp-port N, --mail-dir DIR, --upload-dir DIR.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startMailSink } from "../lib/mail/sink.ts";
import { canConnect, dropDatabase, ensureDatabase, ensurePostgres, projectRoot } from "../prisma/postgres.ts";
import { migrateAndSeed } from "./prepare-database.ts";

const { values: flags } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    /** A database of its own on the server (the e2e tests' throwaway one), even with DATABASE_URL. */
    database: { type: "string" },
    fresh: { type: "boolean", default: false },
    "smtp-port": { type: "string", default: process.env.SMTP_PORT ?? "2525" },
    "mail-dir": { type: "string", default: path.join(projectRoot, ".data", "mail") },
    /** Where uploads go (UPLOAD_DIR); with --fresh, emptied like the database. */
    "upload-dir": { type: "string" },
  },
});

const log = (line: string) => console.log(`[portal] ${line}`);

async function main() {
  let server = await ensurePostgres({ log });
  let databaseUrl = flags.database ? undefined : process.env.DATABASE_URL;
  if (!databaseUrl) {
    const name = flags.database ?? "portal";
    if (flags.fresh) await dropDatabase(server, name);
    databaseUrl = await ensureDatabase(server, name);
  }
  await migrateAndSeed(databaseUrl, log);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? localSecret(),
    APP_URL: process.env.APP_URL ?? `http://localhost:${flags.port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Development and the browser tests read the official EWP files next to the project, as CI
  // does (README "Erasmus Without Paper"); a deployment sets EWP_SPECS_DIR itself.
  const siblingEwpSpecs = path.resolve(projectRoot, "..", "shared", "ewp");
  if (!process.env.EWP_SPECS_DIR && existsSync(siblingEwpSpecs)) childEnv.EWP_SPECS_DIR = siblingEwpSpecs;

  if (flags["upload-dir"]) {
    const uploadDir = path.resolve(flags["upload-dir"]);
    if (flags.fresh) rmSync(uploadDir, { recursive: true, force: true });
    childEnv.UPLOAD_DIR = uploadDir;
  }

  let sink: { close(): Promise<void> } | undefined;
  if (!process.env.SMTP_HOST) {
    const mailDir = path.resolve(flags["mail-dir"]);
    if (flags.fresh) rmSync(mailDir, { recursive: true, force: true });
    sink = await startMailSink({ port: Number(flags["smtp-port"]), dir: mailDir });
    Object.assign(childEnv, { SMTP_HOST: "localhost", SMTP_PORT: flags["smtp-port"], MAIL_SINK_DIR: mailDir });
    log(`Development SMTP sink on port ${flags["smtp-port"]}, mail kept in ${path.relative(projectRoot, mailDir)}`);
  }

  const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  // The preload gives the app each request's socket address (lib/auth/client-address.ts).
  const preload = path.join(projectRoot, "scripts", "socket-address-preload.cjs");
  const nextArgs = ["--require", preload, nextBin, flags.dev ? "dev" : "start", "--port", flags.port];
  const next = spawn(process.execPath, nextArgs, {
    cwd: projectRoot,
    env: childEnv,
    stdio: "inherit",
  });
  log(`Portal starting on http://localhost:${flags.port}`);

  // The residence-permit reminders (R-VIS-1): the same idempotent command a scheduler runs,
  // every hour while the portal runs (and once shortly after it starts).
  const runReminders = () => {
    const tsx = path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
    spawn(process.execPath, [tsx, "--conditions", "react-server", "scripts/visa-reminders.ts"], {
      cwd: projectRoot,
      env: childEnv,
      stdio: "inherit",
    });
  };
  setTimeout(runReminders, 60_000).unref();
  setInterval(runReminders, 3_600_000).unref();

  // A reused embedded server belongs to the command that started it (a test run, a migration)
  // and stops with it: the portal then starts its own on the same data.
  // The watchdog must never bring the launcher down (the SMTP sink lives in it): a busy machine
  // answers slowly, so only three silent checks in a row count as an outage, and a failure to
  // restart is logged and tried again.
  if (!process.env.DATABASE_URL) {
    let checking = false;
    let misses = 0;
    setInterval(async () => {
      if (checking) return;
      checking = true;
      try {
        if (await canConnect(server.adminUrl)) {
          misses = 0;
          return;
        }
        misses += 1;
        if (misses < 3) return;
        const restarted = await ensurePostgres({ log });
        // A server found running belongs to whoever started it; ours stays the one to stop.
        if (restarted.started) server = restarted;
        misses = 0;
      } catch (error) {
        log(`Database watchdog: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        checking = false;
      }
    }, 5_000).unref();
  }
  process.on("unhandledRejection", (reason) =>
    log(`Unexpected failure (the portal keeps running): ${reason instanceof Error ? reason.stack : String(reason)}`),
  );

  const shutdown = async (code: number) => {
    await sink?.close();
    await server.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

/** A secret generated once per checkout and kept in .data/, so sessions survive restarts. */
function localSecret(): string {
  const file = path.join(projectRoot, ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

main().catch((error: unknown) => {
  console.error(`[portal] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
