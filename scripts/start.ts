/**
 * The quick start: `npm run demo` (after `npm run build`), or `npm run dev` for development.
 * Starts (or reuses) the embedded PostgreSQL unless DATABASE_URL is set, applies migrations,
 * seeds the demo data, starts the development SMTP sink unless SMTP_HOST is set, and runs Next.
 *
 * Flags (used by the e2e tests): --dev, --port N, --database NAME, --fresh (drop the database
 * first), --smtp-port N, --mail-dir DIR, --upload-dir DIR.
 *
 * Several instances (README "Deploying"):
 *   --role all|web|worker   (or PORTAL_ROLE) all, the default: the web server and a job worker
 *                           (scripts/worker.ts); web: the web server only; worker: the worker only.
 *   MIGRATE_ON_START=false  do not migrate nor seed at start: a release runs `npm run db:deploy`
 *                           once, before its nodes start.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startMailSink } from "../lib/mail/sink.ts";
import { canConnect, dropDatabase, ensureDatabase, ensurePostgres, projectRoot } from "../prisma/postgres.ts";
import { migrateAndSeed } from "./prepare-database.ts";
import { webNodeFlags } from "./web-node-flags.ts";

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
    role: { type: "string", default: process.env.PORTAL_ROLE ?? "all" },
  },
});

const role = flags.role;
if (role !== "all" && role !== "web" && role !== "worker") {
  console.error(`[portal] --role must be all, web or worker (not ${role})`);
  process.exit(1);
}
// "false" or "0" turns it off; the demo migrates and seeds at every start.
const migrateOnStart = !/^(false|0|no)$/i.test(process.env.MIGRATE_ON_START ?? "true");

const log = (line: string) => console.log(`[portal] ${line}`);

async function main() {
  let server = await ensurePostgres({ log });
  let databaseUrl = flags.database ? undefined : process.env.DATABASE_URL;
  if (!databaseUrl) {
    const name = flags.database ?? "portal";
    if (flags.fresh) await dropDatabase(server, name);
    databaseUrl = await ensureDatabase(server, name);
  }
  if (migrateOnStart) await migrateAndSeed(databaseUrl, log);
  else log("MIGRATE_ON_START=false: the schema is left to `npm run db:deploy`");

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

  const children: ChildProcess[] = [];
  let stopping = false;
  let exitCode = 0;
  if (role !== "worker") {
    const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
    // The preload gives the app each request's socket address (lib/auth/client-address.ts).
    const preload = path.join(projectRoot, "scripts", "socket-address-preload.cjs");
    // `next start` serves in this process, so the flags reach the server (scripts/web-node-flags.ts).
    const nextArgs = [
      ...webNodeFlags,
      "--require",
      preload,
      nextBin,
      flags.dev ? "dev" : "start",
      "--port",
      flags.port,
    ];
    children.push(spawn(process.execPath, nextArgs, { cwd: projectRoot, env: childEnv, stdio: "inherit" }));
    log(`Portal starting on http://localhost:${flags.port}`);
  }
  if (role !== "web") {
    // The scheduled jobs (visa reminders, retention) from the PostgreSQL queue: one schedule
    // across every instance, each job run once (lib/jobs). tsx is loaded into the worker's own
    // process so that a signal reaches it.
    const workerArgs = ["--conditions", "react-server", "--import", "tsx", path.join("scripts", "worker.ts")];
    const startWorker = () =>
      spawn(process.execPath, workerArgs, { cwd: projectRoot, env: childEnv, stdio: "inherit" });
    const worker = startWorker();
    children.push(worker);
    log("Job worker starting");
    if (role === "all") {
      // Beside a web server, a worker that fails (the database away a moment) is started again
      // rather than taking the pages down with it; its jobs wait in the queue meanwhile.
      const restartOnFailure = (current: ChildProcess) =>
        current.once("exit", (code, signal) => {
          if (stopping || signal || code === 0) return;
          log(`Job worker exited (${code}): starting it again in 5 s`);
          setTimeout(() => {
            if (stopping) return;
            const next = startWorker();
            children[children.indexOf(current)] = next;
            restartOnFailure(next);
            watchExit(next);
          }, 5_000).unref();
        });
      restartOnFailure(worker);
    }
  }

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
  // SIGTERM: Next stops accepting connections and finishes the requests in flight; the worker
  // finishes its running job. The launcher exits once both have.
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      stopping = true;
      for (const child of children) child.kill(signal);
    });
  function watchExit(child: ChildProcess) {
    child.once("exit", (code, signal) => {
      // A worker that failed beside a web server is started again (above); anything else that
      // ends ends the instance, so that a supervisor restarts it whole.
      const restarting = role === "all" && child !== children[0] && !stopping && !signal && code !== 0;
      if (restarting) return;
      exitCode ||= code ?? 0;
      stopping = true;
      for (const other of children) if (other !== child && other.exitCode === null) other.kill("SIGTERM");
      if (children.every((each) => each.exitCode !== null || each.signalCode !== null)) void shutdown(exitCode);
    });
  }
  for (const child of children) watchExit(child);
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
