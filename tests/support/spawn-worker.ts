import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A job worker script of tests/support in a process of its own, which a test can kill like a
 * crashed node; resolves once the script prints "ready". tsx is a loader of this very process,
 * not its CLI, which would run the worker in a grandchild that SIGKILL does not reach.
 */
export async function spawnWorker(script: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--conditions", "react-server", "--import", "tsx", path.join("tests/support", script), ...args],
    { cwd: root, env: { ...process.env }, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
  return child;
}
