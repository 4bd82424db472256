/**
 * The benchmark's baseline: a minimal node:http + pg server that, for each scenario, runs the
 * SQL statements the portal ran for it (captured by sql-capture.ts, with their parameters) on
 * one pooled connection and answers a page of the portal's size built from the rows. What
 * the portal costs above this is the framework's and the application's own work.
 *
 * Run as its own process (its CPU is measured like the portal's):
 *   node --import tsx scripts/bench-http/baseline-server.ts <port> <database-url> <scenarios.json>
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import pg from "pg";
import type { CapturedStatement } from "./sql-capture.ts";

export interface BaselineScenario {
  path: string;
  statements: CapturedStatement[];
  /** Size of the portal's answer, in bytes: the baseline answers as much. */
  bytes: number;
  status: number;
  contentType: string;
  /**
   * Values in the captured parameters that stand for the signed-in user (ids); a request
   * names its own in the x-bench-as header (comma-separated, same order), so that each
   * simulated student acts on their own rows as they do in the portal.
   */
  identity?: string[];
  /** A scenario that writes: its transaction is rolled back, so that it can run again. */
  rollback?: boolean;
}

const [portArgument, databaseUrl, scenariosFile] = process.argv.slice(2);
const scenarios = JSON.parse(readFileSync(scenariosFile ?? "", "utf8")) as Record<string, BaselineScenario>;
// The portal's pool size (DATABASE_POOL_MAX default), so both wait on connections alike.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const byPath = new Map(Object.values(scenarios).map((scenario) => [scenario.path, scenario]));

async function run(scenario: BaselineScenario, as: string[] | undefined): Promise<unknown[][]> {
  const client = await pool.connect();
  const results: unknown[][] = [];
  try {
    for (const statement of scenario.statements) {
      const substitute = (value: string | null) => {
        const index = value === null ? -1 : (scenario.identity?.indexOf(value) ?? -1);
        return index >= 0 && as?.[index] ? as[index] : value;
      };
      let sql = statement.sql;
      if (scenario.rollback && /^\s*COMMIT\s*$/i.test(sql)) sql = "ROLLBACK";
      const result = await client.query(sql, statement.params.map(substitute));
      results.push(Array.isArray(result) ? [] : result.rows);
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return results;
}

/** A page of the portal's size: the rows as an HTML table, padded with a comment. */
function render(scenario: BaselineScenario, results: unknown[][]): string {
  const rows = results
    .flat()
    .map((row) => `<tr><td>${escapeHtml(JSON.stringify(row))}</td></tr>`)
    .join("");
  const page = `<!DOCTYPE html><html lang="en"><head><title>baseline</title></head><body><main><table>${rows}</table></main></body></html>`;
  const missing = scenario.bytes - Buffer.byteLength(page);
  return missing > 10 ? `${page}<!--${"x".repeat(missing - 7)}-->` : page;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

createServer((request, response) => {
  const scenario = byPath.get((request.url ?? "").split("?")[0] ?? "");
  if (!scenario) {
    response.writeHead(404).end();
    return;
  }
  const as = typeof request.headers["x-bench-as"] === "string" ? request.headers["x-bench-as"].split(",") : undefined;
  request.resume();
  request.on("end", () => {
    run(scenario, as).then(
      (results) => {
        response.writeHead(scenario.status, { "content-type": scenario.contentType });
        response.end(render(scenario, results));
      },
      (error: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(String(error));
      },
    );
  });
}).listen(Number(portArgument), "127.0.0.1", () => process.send?.("ready"));
