/**
 * One measured run: autocannon against one server for a fixed time, with the server process's
 * CPU time and memory read from /proc before and after.
 */
import autocannon from "autocannon";
import { sampleProcessTree } from "./process-stats.ts";

export interface LoadTarget {
  url: string;
  method: "GET" | "POST";
  /** Headers of each request; a function gives each request its own (e.g. another student). */
  headers: (index: number) => Record<string, string>;
  body?: string;
  /** The answer a request must get to count as served (anything else is an error). */
  expectStatus: number;
  /** A header the answer must carry (a server action's redirect comes as 200 + x-action-redirect). */
  expectHeader?: string;
  pid: number;
}

export interface RunResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number;
  rssMb: number;
  peakRssMb: number;
}

export async function runLoad(target: LoadTarget, connections: number, durationSeconds: number): Promise<RunResult> {
  let sent = 0;
  let unexpected = 0;
  let missingHeader = 0;
  const latencies: number[] = [];
  const before = sampleProcessTree(target.pid);
  const instance = autocannon({
    url: target.url,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: target.method,
        body: target.body,
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...target.headers(sent++) } }),
        ...(target.expectHeader ? { onResponse: checkHeader(target.expectHeader, () => missingHeader++) } : {}),
      },
    ],
  });
  // Every answer's own time, for exact percentiles (autocannon's summary has no p95).
  instance.on("response", (_client, status, _bytes, milliseconds) => {
    latencies.push(milliseconds);
    if (status !== target.expectStatus) unexpected++;
  });
  const result = await instance;
  const after = sampleProcessTree(target.pid);
  const served = latencies.length;
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0;
  return {
    requests: served,
    requestsPerSecond: served / durationSeconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: result.errors + result.timeouts + unexpected + missingHeader,
    cpuMsPerRequest: served ? (after.cpuMs - before.cpuMs) / served : 0,
    rssMb: after.rssBytes / 2 ** 20,
    peakRssMb: after.peakRssBytes / 2 ** 20,
  };
}

function checkHeader(name: string, onMissing: () => void) {
  return (_status: number, _body: string, _context: unknown, headers: Record<string, string>) => {
    if (!Object.keys(headers).some((key) => key.toLowerCase() === name)) onMissing();
  };
}
