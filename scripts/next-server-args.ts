/**
 * How Next's server is started, the same for `npm start` (scripts/start.ts) and the HTTP
 * benchmark (scripts/bench-http/portal-server.ts), so that the benchmark measures the server
 * that is deployed: the node arguments before Next's own command line.
 */
import path from "node:path";
import { projectRoot } from "../prisma/postgres.ts";
import { webNodeFlags } from "./web-node-flags.ts";

export function nextServerArgs(options: {
  dev: boolean;
  port: string;
  hostname?: string;
  /** Extra node flags (e.g. --cpu-prof for a profiled benchmark run). */
  nodeFlags?: string[];
}): string[] {
  const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  const preloads = [
    // Each request's socket address for the app (lib/auth/client-address.ts).
    "socket-address-preload.cjs",
    // The liveness probe answered before Next's pipeline (production only: it reads the build).
    ...(options.dev ? [] : ["health-preload.cjs"]),
  ].flatMap((file) => ["--require", path.join(projectRoot, "scripts", file)]);
  return [
    ...webNodeFlags,
    ...(options.nodeFlags ?? []),
    ...preloads,
    nextBin,
    options.dev ? "dev" : "start",
    "--port",
    options.port,
    ...(options.hostname ? ["--hostname", options.hostname] : []),
  ];
}
