/**
 * A worker process for tests/integration/housing-release-job.test.ts: the portal's job worker
 * (lib/jobs) running the round e-mails job (lib/housing/release/mail-job.ts) on a test queue
 * with a short expiry, killed by the test in the middle of the sending.
 * Started by spawnWorker (spawn-worker.ts) with the queue's name.
 */
import { startJobWorker } from "@/lib/jobs/queue";
import { roundMailsTestJob } from "./round-mails-job";

const queue = process.argv[2] ?? "";
await startJobWorker(
  { connectionString: process.env.DATABASE_URL ?? "", maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 1 },
  [roundMailsTestJob(queue) as never],
);
process.stdout.write("ready\n");
