/**
 * `tsx scripts/bench-http/profile-summary.ts <file.cpuprofile> [--top 40]`: where a profiled
 * portal (`npm run bench:http -- --profile`) spent its CPU, as self time summed by layer (a
 * package, Next's bundled runtimes, the build's chunks, Node itself), then the heaviest
 * functions. Proportions, not absolute times, are what a shared machine lets one compare.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: "string", default: "40" },
    /** Only the samples between these seconds from the profile's start ("12-40"): the load, not the start-up and sign-ins. */
    window: { type: "string" },
  },
});

/** The layer a script belongs to: the package, or the part of Next or of the build. */
export function layerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native/builtin)";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const compiled = /next\/dist\/compiled\/([^/]+(?:\/[^/]+)?)/.exec(url);
  if (compiled) return `next compiled: ${compiled[1]}`;
  const next = /next\/dist\/(server\/[^/]+|[^/]+)/.exec(url);
  if (next) return `next: ${next[1]}`;
  const chunk = /\.next\/server\/(.*)$/.exec(url);
  if (chunk) return `build: ${chunk[1]?.replace(/\/[^/]*$/, "/…")}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `pkg: ${pkg[1]}`;
  return url;
}

function summarize(profile: CpuProfile, top: number, window: [number, number]) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((node) => node.id));
  const selfMicros = new Map<number, number>();
  // Busy share per second, to find the load phases for --window.
  const busyPerSecond: number[] = [];
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    elapsed += delta;
    const second = Math.floor(elapsed / 1e6);
    if (!idle.has(id)) busyPerSecond[second] = (busyPerSecond[second] ?? 0) + delta;
    if (second < window[0] || second >= window[1]) return;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
  });
  console.log(`busy % per second: ${Array.from(busyPerSecond, (micros) => Math.round((micros ?? 0) / 1e4)).join(" ")}`);
  const total = [...selfMicros.values()].reduce((sum, micros) => sum + micros, 0);
  const layers = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const layer = layerOf(frame.url, frame.functionName);
    layers.set(layer, (layers.get(layer) ?? 0) + micros);
    const name = `${frame.functionName || "(anonymous)"} ${layer}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const print = (title: string, entries: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(
        `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`,
      );
  };
  console.log(`total sampled: ${(total / 1000).toFixed(0)} ms`);
  print("self time by layer", layers);
  print("heaviest functions (self time)", functions);
}

for (const file of positionals) {
  console.log(`# ${file}`);
  const [from = 0, to = Number.POSITIVE_INFINITY] = (flags.window ?? "").split("-").filter(Boolean).map(Number);
  summarize(JSON.parse(readFileSync(file, "utf8")) as CpuProfile, Number(flags.top), [from, to]);
}
