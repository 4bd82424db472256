/**
 * The worker: runs the portal's scheduled jobs (lib/jobs/definitions.ts) from the PostgreSQL
 * job queue, and nothing else. Run as many as wanted, on any machines: each schedule fires
 * once per slot across all of them, each job runs on one, and a job whose worker died is
 * retried on another.
 *
 *   npm run worker            (`npm start` runs one beside the web server unless --role web)
 *
 * Settings are the portal's (DATABASE_URL, SMTP_*, STORAGE_DRIVER/S3_*, JOBS_*); without
 * DATABASE_URL it uses the embedded PostgreSQL's `portal` database, like `npm run demo`.
 * SIGTERM or SIGINT: stops fetching, lets the running job finish (up to 30 s), then exits.
 */
import { preparePortalCommand } from "./portal-command.ts";

const log = (line: string) => console.log(`[worker] ${line}`);

async function main() {
  const { server } = await preparePortalCommand(log);
  // Imported once the environment is complete (lib/env.ts reads it on first use).
  const { db } = await import("../lib/db.ts");
  const { portalJobs, jobQueueSettings } = await import("../lib/jobs/definitions.ts");
  const { startJobWorker } = await import("../lib/jobs/queue.ts");

  const jobs = portalJobs();
  const worker = await startJobWorker(jobQueueSettings(), jobs);
  log(`Working ${jobs.map((job) => `${job.name}${job.cron ? ` (${job.cron})` : ""}`).join(", ")}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the running job, then stopping`);
    await worker.stop().catch((error: unknown) => log(`Stopping: ${String(error)}`));
    await db.$disconnect();
    await server?.stop();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
}

main().catch((error: unknown) => {
  console.error(`[worker] ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
