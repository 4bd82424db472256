/** The benchmark's results as JSON and as a markdown table (in a git-ignored folder). */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { RunResult } from "./load.ts";

export interface ScenarioRow {
  dossiers: number;
  scenario: string;
  portal: RunResult[];
  baseline: RunResult[];
}

/** The median of the interleaved runs, per figure: one noisy run does not decide. */
export function median(runs: RunResult[]): RunResult | null {
  if (runs.length === 0) return null;
  const pick = (key: keyof RunResult) => {
    const values = runs.map((run) => run[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? 0;
  };
  return {
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    requestsPerSecond: pick("requestsPerSecond"),
    p50: pick("p50"),
    p95: pick("p95"),
    p99: pick("p99"),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    cpuMsPerRequest: pick("cpuMsPerRequest"),
    rssMb: Math.max(...runs.map((run) => run.rssMb)),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
  };
}

export function markdownTable(rows: ScenarioRow[], firstLoad: Record<string, number>, settings: string): string {
  const number = (value: number | undefined, digits = 0) => (value === undefined ? "–" : value.toFixed(digits));
  const lines = [
    `Settings: ${settings}`,
    "",
    "| dossiers | scenario | server | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/req | RSS MB (peak) | × baseline |",
    "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of rows) {
    const portal = median(row.portal);
    const baseline = median(row.baseline);
    for (const [server, result] of [
      ["portal", portal],
      ["baseline", baseline],
    ] as const) {
      if (!result) continue;
      const ratio =
        server === "portal" && portal && baseline
          ? (portal.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)
          : "";
      lines.push(
        `| ${row.dossiers.toLocaleString("en")} | ${row.scenario} | ${server} | ${number(result.requestsPerSecond)} | ${number(result.p50)} | ${number(result.p95)} | ${number(result.p99)} | ${result.errors} | ${number(result.cpuMsPerRequest, 2)} | ${number(result.rssMb)} (${number(result.peakRssMb)}) | ${ratio} |`,
      );
    }
  }
  lines.push(...p95Growth(rows));
  lines.push("", "| page | first-load JS (gzip, KB) |", "|---|---:|");
  for (const [page, kb] of Object.entries(firstLoad)) lines.push(`| ${page} | ${kb.toFixed(1)} |`);
  return `${lines.join("\n")}\n`;
}

/**
 * Issue 20's scale target: the portal's p95 at the largest level against the smallest (at most
 * 1.5× from 1,000 to 100,000 dossiers for the queue and the dossier), per scenario.
 */
function p95Growth(rows: ScenarioRow[]): string[] {
  const levels = [...new Set(rows.map((row) => row.dossiers))].sort((a, b) => a - b);
  const [smallest, largest] = [levels[0], levels.at(-1)];
  if (smallest === undefined || largest === undefined || smallest === largest) return [];
  const lines = [
    "",
    `| scenario | portal p95 ms at ${smallest.toLocaleString("en")} | at ${largest.toLocaleString("en")} | × |`,
    "|---|---:|---:|---:|",
  ];
  for (const row of rows.filter((candidate) => candidate.dossiers === smallest)) {
    const small = median(row.portal);
    const large = median(
      rows.find((other) => other.dossiers === largest && other.scenario === row.scenario)?.portal ?? [],
    );
    if (!small || !large) continue;
    const ratio = small.p95 > 0 ? (large.p95 / small.p95).toFixed(2) : "–";
    lines.push(`| ${row.scenario} | ${small.p95.toFixed(0)} | ${large.p95.toFixed(0)} | ${ratio} |`);
  }
  return lines;
}

export function writeReport(dir: string, data: unknown, markdown: string): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const json = path.join(dir, `bench-${stamp}.json`);
  const md = path.join(dir, `bench-${stamp}.md`);
  writeFileSync(json, `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(md, markdown);
  writeFileSync(path.join(dir, "latest.md"), markdown);
  return { json, md };
}
