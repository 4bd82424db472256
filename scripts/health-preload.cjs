/**
 * Loaded with `node --require` before Next's production server (scripts/next-server-args.ts):
 * answers `GET /api/health` (the liveness probe, polled by every load balancer every few
 * seconds) before Next's routing, proxy and route pipeline, which cost about 20 times the
 * probe itself (issue 20). The answer is the route handler's (app/api/health/route.ts, kept
 * for `next start` alone): the database probed with `SELECT 1` within 2 s, 200 or 503, the
 * same JSON, and the same headers, which are read from the build's own header rules
 * (routes-manifest.json, from next.config.ts) so that the two never drift.
 * Anything else (another path or method, a query string, HEAD) goes to Next unchanged;
 * /api/ready stays in Next: it also checks the migrations of the build.
 * Plain CommonJS: it runs before any TypeScript loader.
 */
const http = require("node:http");
const { readFileSync } = require("node:fs");
const path = require("node:path");

const PATHNAME = "/api/health";
const TIMEOUT_MS = 2_000;

/** The headers Next would add to this path (rules without conditions, or only "missing" query keys). */
function buildHeaders() {
  let rules = [];
  try {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "routes-manifest.json"), "utf8"));
    rules = manifest.headers ?? [];
  } catch {
    return null; // no production build (next dev): Next answers.
  }
  const headers = {};
  for (const rule of rules) {
    if (rule.has?.length || (rule.missing ?? []).some((condition) => condition.type !== "query")) return null;
    if (!new RegExp(rule.regex).test(PATHNAME)) continue;
    for (const { key, value } of rule.headers) headers[key] = value;
  }
  return { ...headers, "Cache-Control": "no-store", "Content-Type": "application/json" };
}

const headers = buildHeaders();
let pool;
let inFlight;

/**
 * Probes that arrive while one is running share its answer: a burst of probes (several
 * balancers, or a benchmark) costs one round trip, and each answer is at most one round trip old.
 */
function checkDatabase() {
  inFlight ??= probeDatabase().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

/** "ok" when the database answers within 2 s; "down" otherwise (lib/health.ts's rule). */
function probeDatabase() {
  if (!pool) {
    const { Pool } = require("pg");
    // One connection: probes never overlap (checkDatabase), and never load the database.
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1, connectionTimeoutMillis: TIMEOUT_MS });
    pool.on("error", () => {}); // an idle connection dropped by the server: the next probe reconnects.
  }
  const timeout = new Promise((resolve) => setTimeout(() => resolve("down"), TIMEOUT_MS).unref());
  const probe = pool.query("SELECT 1").then(
    () => "ok",
    (error) => {
      console.warn(
        JSON.stringify({
          time: new Date().toISOString(),
          level: "warn",
          event: "health.database.down",
          error: error.message,
        }),
      );
      return "down";
    },
  );
  return Promise.race([probe, timeout]);
}

function answer(response, database) {
  const ok = database === "ok";
  const body = JSON.stringify({ status: ok ? "ok" : "degraded", database });
  response.writeHead(ok ? 200 : 503, { ...headers, "Content-Length": Buffer.byteLength(body) });
  response.end(body);
}

if (headers && process.env.DATABASE_URL) {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithHealth(event, request, response, ...rest) {
    if (event === "request" && request.method === "GET" && request.url === PATHNAME) {
      checkDatabase().then((database) => answer(response, database));
      return true;
    }
    return emit.call(this, event, request, response, ...rest);
  };
}
