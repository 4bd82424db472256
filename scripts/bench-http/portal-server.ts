/**
 * The production build under `next start`, started as `npm start` starts it, on a port of the benchmark, and how to talk to it
 * as a browser would: sign in through the sign-in form's server action, post other actions.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../prisma/postgres.ts";
import { nextServerArgs } from "../next-server-args.ts";

export interface PortalServer {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startPortal(options: {
  port: number;
  env: Record<string, string>;
  /** Extra node flags (e.g. --cpu-prof) for a profiled run. */
  nodeFlags?: string[];
}): Promise<PortalServer> {
  if (!readFileSafe(path.join(projectRoot, ".next", "BUILD_ID")))
    throw new Error("No production build: run `npm run build` first");
  const child = spawn(
    process.execPath,
    nextServerArgs({ dev: false, port: String(options.port), hostname: "127.0.0.1", nodeFlags: options.nodeFlags }),
    {
      cwd: projectRoot,
      env: { ...process.env, ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 100) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const origin = `http://localhost:${options.port}`;
  await waitForHealth(origin, child, output);
  return { origin, pid: child.pid!, stop: () => stopChild(child) };
}

async function waitForHealth(origin: string, child: ChildProcess, output: string[]) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output.join("")}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer within 90 s:\n${output.join("")}`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

function readFileSafe(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/**
 * The id of a server action in this build, from the build's server reference manifest (the
 * id the browser sends in the Next-Action header).
 */
export function actionId(exportedName: string, sourceFile: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(projectRoot, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string; filename?: string }> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportedName && entry.filename?.endsWith(sourceFile)) return id;
  }
  throw new Error(`Server action ${exportedName} of ${sourceFile} not found in the build`);
}

/**
 * The body React sends for a form action used with useActionState: (previous state, FormData),
 * the FormData's fields prefixed with its reference id.
 */
export function formActionBody(fields: Record<string, string>): { body: string; contentType: string } {
  const boundary = "----portalbench7d4f";
  // The root ("0") comes last, as React sends it: the fields it refers to must already be read.
  const parts = [...Object.entries(fields).map(([name, value]) => [`_1_${name}`, value]), ["0", '[null,"$K1"]']];
  const body = `${parts
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("")}--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

export function actionHeaders(origin: string, id: string, contentType: string, cookie?: string) {
  return {
    "next-action": id,
    "content-type": contentType,
    origin,
    accept: "text/x-component",
    ...(cookie ? { cookie } : {}),
  };
}

/** Signs in through the sign-in form's action; answers the session cookie ("name=value"). */
export async function signIn(origin: string, email: string, password: string, signInActionId: string): Promise<string> {
  const { body, contentType } = formActionBody({ email, password, callbackUrl: "" });
  const response = await fetch(`${origin}/en/login`, {
    method: "POST",
    headers: actionHeaders(origin, signInActionId, contentType),
    body,
    redirect: "manual",
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.includes("authjs.session-token="));
  if (!cookie)
    throw new Error(`Sign-in of ${email} failed (HTTP ${response.status}): ${(await response.text()).slice(0, 300)}`);
  return cookie;
}
