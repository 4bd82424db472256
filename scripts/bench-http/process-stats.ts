/**
 * CPU time and memory of a server process and its descendants, from /proc (Linux): what the
 * benchmark reports per request, read before and after each run.
 */
import { readdirSync, readFileSync } from "node:fs";

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux build in use.
const ticksPerSecond = 100;

export interface ProcessSample {
  cpuMs: number;
  rssBytes: number;
  /** Peak resident set (VmHWM), summed over the tree. */
  peakRssBytes: number;
}

export function sampleProcessTree(rootPid: number): ProcessSample {
  let cpuMs = 0;
  let rssBytes = 0;
  let peakRssBytes = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      cpuMs += ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      rssBytes += kilobytes(status, "VmRSS") * 1024;
      peakRssBytes += kilobytes(status, "VmHWM") * 1024;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return { cpuMs, rssBytes, peakRssBytes };
}

function processTree(rootPid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // gone
    }
  }
  const tree = [rootPid];
  for (let index = 0; index < tree.length; index++) {
    for (const [pid, parent] of parents) if (parent === tree[index]) tree.push(pid);
  }
  return tree;
}

function kilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) : 0;
}
