/**
 * scripts/health-preload.cjs: the liveness probe answered in front of Next (issue 20). A
 * plain node:http server stands for Next (it answers 418 to whatever reaches it), in a folder
 * with a build's header rules, against the test database and against one that is away.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const preload = path.resolve(import.meta.dirname, "../../scripts/health-preload.cjs");
const nextStandIn = `require("node:http").createServer((request, response) => { response.writeHead(418); response.end("next"); })
  .listen(0, "127.0.0.1", function () { console.log(this.address().port); });`;

// The shape of .next/routes-manifest.json's header rules (next.config.ts's headers()).
const headerRules = [
  {
    source: "/:path*",
    regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
    headers: [{ key: "X-Content-Type-Options", value: "nosniff" }],
  },
  {
    source: "/api/:path*",
    regex: "^/api(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
    missing: [{ type: "query", key: "preview", value: "1" }],
    headers: [{ key: "Content-Security-Policy", value: "default-src 'self'" }],
  },
  { source: "/other", regex: "^/other$", headers: [{ key: "X-Other", value: "no" }] },
];

let buildDir: string;
const servers: ChildProcess[] = [];

async function startServer(databaseUrl: string): Promise<string> {
  const child = spawn(process.execPath, ["--require", preload, "-e", nextStandIn], {
    cwd: buildDir,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  servers.push(child);
  const port = await new Promise<string>((resolve) => child.stdout?.once("data", (chunk) => resolve(String(chunk))));
  return `http://127.0.0.1:${port.trim()}`;
}

beforeAll(() => {
  buildDir = mkdtempSync(path.join(tmpdir(), "health-preload-"));
  mkdirSync(path.join(buildDir, ".next"));
  writeFileSync(path.join(buildDir, ".next", "routes-manifest.json"), JSON.stringify({ headers: headerRules }));
});

afterAll(() => {
  for (const server of servers) server.kill();
  rmSync(buildDir, { recursive: true, force: true });
});

describe("the liveness probe in front of Next", () => {
  it("answers GET /api/health itself, with the database checked and the build's headers for that path", async () => {
    const origin = await startServer(process.env.DATABASE_URL ?? "");
    const answers = await Promise.all(Array.from({ length: 5 }, () => fetch(`${origin}/api/health`)));
    for (const response of answers) {
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok", database: "ok" });
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toBe("default-src 'self'");
      expect(response.headers.get("x-other")).toBeNull();
    }
  });

  it("leaves every other request to Next: another path or method, a query string", async () => {
    const origin = await startServer(process.env.DATABASE_URL ?? "");
    for (const [pathname, method] of [
      ["/api/ready", "GET"],
      ["/api/health", "POST"],
      ["/api/health?preview=1", "GET"],
      ["/api/healthz", "GET"],
    ] as const) {
      const response = await fetch(`${origin}${pathname}`, { method });
      expect(response.status, `${method} ${pathname}`).toBe(418);
    }
  });

  it("answers 503 'degraded' within about 2 s when the database is away, without a stack trace", async () => {
    const origin = await startServer("postgresql://postgres:postgres@127.0.0.1:1/nowhere");
    const started = Date.now();
    const response = await fetch(`${origin}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "degraded", database: "down" });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
