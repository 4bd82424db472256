/**
 * The two-instance test (README "Deploying"): two portal instances on loopback behind nginx as
 * the load balancer, with one PostgreSQL, a real S3-compatible server (s3rver) and one SMTP
 * sink, then the browser checks of tests/cluster/ through the proxy.
 *
 *   npm run build            (once: both instances run this one build, as a deployment does)
 *   npm run test:cluster
 *
 * Needs Debian's nginx (`apt-get install -y nginx-light`): installed by this command when run as
 * root, otherwise it says what to run. Ports (loopback), each movable by its variable:
 * CLUSTER_PORT 4480 (nginx), CLUSTER_S3_PORT 4482, CLUSTER_SMTP_PORT 4483, CLUSTER_NODE_A_PORT
 * 4484, CLUSTER_NODE_B_PORT 4485. The database is `portal_cluster` on the embedded PostgreSQL
 * (EMBEDDED_PG_PORT), dropped and migrated once (`db:deploy`), as a release does; the nodes
 * start with MIGRATE_ON_START=false.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startMailSink } from "../lib/mail/sink.ts";
import { dropDatabase, ensureDatabase, ensurePostgres, projectRoot } from "../prisma/postgres.ts";
import { s3rverCredentials, startS3Server } from "../tests/support/s3-server.ts";
import { migrateAndSeed } from "./prepare-database.ts";

const log = (line: string) => console.log(`[cluster] ${line}`);
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ports = {
  proxy: port("CLUSTER_PORT", 4480),
  s3: port("CLUSTER_S3_PORT", 4482),
  smtp: port("CLUSTER_SMTP_PORT", 4483),
  a: port("CLUSTER_NODE_A_PORT", 4484),
  b: port("CLUSTER_NODE_B_PORT", 4485),
};
const work = path.join(projectRoot, ".data", "cluster");

function nginxBinary(): string | null {
  for (const candidate of ["/usr/sbin/nginx", "/usr/bin/nginx"]) if (existsSync(candidate)) return candidate;
  return null;
}

function ensureNginx(): string {
  const found = nginxBinary();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    console.error(
      "[cluster] nginx is needed as the load balancer. Install it, then run this again:\n  sudo apt-get install -y nginx-light",
    );
    process.exit(2);
  }
  log("Installing nginx-light (apt-get)…");
  const install = spawnSync("apt-get", ["install", "-y", "nginx-light"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  const installed = nginxBinary();
  if (install.status !== 0 || !installed) {
    console.error("[cluster] Could not install nginx: run `apt-get update && apt-get install -y nginx-light`.");
    process.exit(2);
  }
  return installed;
}

/** nginx as the deployment's proxy: round robin over both nodes; X-Cluster-Node pins a request to one (tests only). */
function nginxConfig(dir: string): string {
  const runAsRoot = process.getuid?.() === 0 ? "user root root;" : "";
  return `${runAsRoot}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 12m;
  upstream portal {
    server 127.0.0.1:${ports.a} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:${ports.b} max_fails=1 fail_timeout=10s;
  }
  upstream node_a { server 127.0.0.1:${ports.a}; }
  upstream node_b { server 127.0.0.1:${ports.b}; }
  map $http_x_cluster_node $backend { a node_a; b node_b; default portal; }
  server {
    listen 127.0.0.1:${ports.proxy};
    location / {
      proxy_pass http://$backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # The proxy sets the client's address itself (README "Sign-in throttling").
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_next_upstream error timeout http_502;
      proxy_read_timeout 120s;
      add_header X-Served-By $upstream_addr always;
    }
  }
}
`;
}

async function waitForReady(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s`);
}

async function main(): Promise<number> {
  if (!existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) {
    console.error("[cluster] No production build: run `npm run build` first.");
    return 2;
  }
  const nginx = ensureNginx();
  rmSync(work, { recursive: true, force: true });
  const nginxDir = path.join(work, "nginx");
  mkdirSync(nginxDir, { recursive: true });

  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const postgres = await ensurePostgres({ log });
    await dropDatabase(postgres, "portal_cluster");
    const databaseUrl = await ensureDatabase(postgres, "portal_cluster");
    // The release step, once for both nodes.
    await migrateAndSeed(databaseUrl, log);

    const s3 = await startS3Server(ports.s3);
    cleanups.push(() => s3.stop());
    const mailDir = path.join(work, "mail");
    const sink = await startMailSink({ port: ports.smtp, dir: mailDir });
    cleanups.push(() => sink.close());

    const shared: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: `http://localhost:${ports.proxy}`,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(ports.smtp),
      MAIL_SINK_DIR: mailDir,
      STORAGE_DRIVER: "s3",
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: s3rverCredentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3rverCredentials.secretAccessKey,
      // A folder no node may write to: every file must go to the bucket.
      UPLOAD_DIR: path.join(work, "no-local-uploads"),
      TRUSTED_PROXY_COUNT: "1",
      MIGRATE_ON_START: "false",
      PORTAL_ROLE: "all",
      // Every minute, so that the test sees a slot fire; dead jobs expire fast.
      JOBS_CRON_VISA_REMINDERS: "* * * * *",
      JOBS_MAINTENANCE_SECONDS: "2",
      JOBS_EXPIRE_SECONDS: "15",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const pgids: Record<string, number> = {};
    for (const [name, nodePort] of [
      ["node-a", ports.a],
      ["node-b", ports.b],
    ] as const) {
      const env = {
        ...shared,
        // Named in pg_stat_activity, so the test can tell which node is running a job.
        DATABASE_URL: `${databaseUrl}?application_name=${name}`,
      };
      const tsxArgs = ["--import", "tsx", "scripts/start.ts", "--port", String(nodePort)];
      // Its own process group: the test kills the whole instance (launcher, Next, worker) at once.
      const child = spawn(process.execPath, tsxArgs, { cwd: projectRoot, env, stdio: "inherit", detached: true });
      children.push(child);
      pgids[name] = child.pid!;
      log(`${name}: http://127.0.0.1:${nodePort} (process group ${child.pid})`);
    }

    writeFileSync(path.join(nginxDir, "nginx.conf"), nginxConfig(nginxDir));
    const proxy = spawn(nginx, ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf")], { stdio: "inherit" });
    children.push(proxy);
    log(`nginx: http://localhost:${ports.proxy}`);

    await Promise.all([
      waitForReady(`http://127.0.0.1:${ports.a}/api/ready`),
      waitForReady(`http://127.0.0.1:${ports.b}/api/ready`),
    ]);
    await waitForReady(`http://127.0.0.1:${ports.proxy}/api/ready`);
    log("Both nodes ready behind nginx: running tests/cluster");

    // Not spawnSync: s3rver and the SMTP sink answer from this process's event loop.
    const playwright = spawn("npx", ["playwright", "test", "--config", "tests/cluster/playwright.config.ts"], {
      cwd: projectRoot,
      stdio: "inherit",
      env: {
        ...process.env,
        CLUSTER_URL: `http://localhost:${ports.proxy}`,
        CLUSTER_DATABASE_URL: databaseUrl,
        CLUSTER_S3_ENDPOINT: `${s3.endpoint}/${s3.bucket}`,
        CLUSTER_UPLOAD_DIR: shared.UPLOAD_DIR,
        CLUSTER_NODES: JSON.stringify({ "node-a": `127.0.0.1:${ports.a}`, "node-b": `127.0.0.1:${ports.b}` }),
        CLUSTER_PGIDS: JSON.stringify(pgids),
      },
    });
    return await new Promise<number>((resolve) => playwright.on("exit", (code) => resolve(code ?? 1)));
  } finally {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      try {
        // SIGTERM to the group: Next drains, the worker finishes its job, the launcher exits.
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const child of children) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    }
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[cluster] ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
