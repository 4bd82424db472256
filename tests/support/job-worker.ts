/**
 * A worker process for tests/integration/jobs.test.ts: the portal's job worker (lib/jobs) with
 * the test job of job-effect.ts, killed by the test in the middle of a job.
 * Started by spawnWorker (spawn-worker.ts) with the queue's name.
 */
import { startJobWorker } from "@/lib/jobs/queue";
import { jobEffectDefinition } from "./job-effect";

const databaseUrl = process.env.DATABASE_URL ?? "";
const queue = process.argv[2] ?? "";
await startJobWorker({ connectionString: databaseUrl, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 1 }, [
  jobEffectDefinition(databaseUrl, queue) as never,
]);
process.stdout.write("ready\n");
