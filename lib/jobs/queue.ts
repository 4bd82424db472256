import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import { logError, logInfo } from "@/lib/log";

/**
 * The portal's scheduled and background work on a PostgreSQL queue (pg-boss 10, its own
 * `pgboss` schema in the portal's database), so that any number of web nodes and workers can
 * run side by side: a cron schedule is one row per job name, turned into one job per slot
 * whichever instance's clock fires; a job is fetched by one worker (SKIP LOCKED); a job whose
 * worker died is expired by the queue's maintenance and retried.
 *
 * What the queue does not promise is that a job's effect happens once: a worker can die after
 * the effect and before completing the job. Every handler is therefore idempotent behind the
 * database's unique keys (reminders claimed by primary key, decision e-mails claimed per
 * request, retention deleting what is past its time), and pg-boss's singletonKey is not relied
 * on for that (it accepts the same key again once a job completed).
 */

export interface JobDefinition<Data extends object = object> {
  name: string;
  /** Cron expression (Europe/Paris); none: the job only runs when sent. */
  cron?: string;
  /** A running job not finished after this long is taken for dead and retried. */
  expireInSeconds: number;
  retryLimit: number;
  /** Seconds before the first retry (doubling after); 5 by default. */
  retryDelaySeconds?: number;
  run(data: Data): Promise<unknown>;
}

export interface JobQueueSettings {
  connectionString: string;
  /** Connections of this instance's pool (pg-boss's own, beside Prisma's). */
  poolMax?: number;
  /** How often this instance expires dead jobs and fires cron slots (seconds). */
  maintenanceIntervalSeconds?: number;
  /** How often a worker polls for new jobs (seconds). */
  pollingIntervalSeconds?: number;
}

const schema = "pgboss";

function newBoss(settings: JobQueueSettings, role: "worker" | "sender"): PgBoss {
  const worker = role === "worker";
  const boss = new PgBoss({
    connectionString: settings.connectionString,
    schema,
    max: settings.poolMax ?? 2,
    application_name: `portal-jobs-${role}`,
    // Only workers expire dead jobs and turn schedules into jobs; a web node only sends.
    supervise: worker,
    schedule: worker,
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds ?? 60,
    cronMonitorIntervalSeconds: Math.min(settings.maintenanceIntervalSeconds ?? 30, 30),
    cronWorkerIntervalSeconds: Math.min(settings.maintenanceIntervalSeconds ?? 5, 5),
  });
  boss.on("error", (error) => logError("jobs.error", { error }));
  return boss;
}

/** Creates the job's queue or brings its settings up to date (both idempotent across instances). */
async function ensureQueue(boss: PgBoss, definition: JobDefinition<never>): Promise<void> {
  const options = {
    name: definition.name,
    // stately: at most one job waiting and one running, so a slow run never piles up slots.
    policy: "stately" as const,
    expireInSeconds: definition.expireInSeconds,
    retryLimit: definition.retryLimit,
    retryDelay: definition.retryDelaySeconds ?? 5,
    retryBackoff: true,
  };
  await boss.createQueue(definition.name, options);
  await boss.updateQueue(definition.name, options);
}

/** An arbitrary constant: the advisory lock the workers' set-up takes. */
const setupLock = 7_204_611;

async function oneAtATime(connectionString: string, run: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [setupLock]);
    await run();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [setupLock]).catch(() => {});
    await client.end();
  }
}

// One started sender per process and database, kept across hot reloads in development; the
// queues it has made sure of.
const globalForSender = globalThis as unknown as {
  jobSenders?: Map<string, { boss: Promise<PgBoss>; queues: Map<string, Promise<void>> }>;
};
globalForSender.jobSenders ??= new Map();
const senders = globalForSender.jobSenders;

/**
 * Queues a job from any instance (a web node, a command) for the workers. Its queue is made
 * sure of first, with the definition's settings, so that a job sent before any worker started
 * is kept rather than dropped (pg-boss inserts nothing for a queue that does not exist).
 * With a `singletonKey`, the queue's stately policy keeps at most one such job waiting (and
 * one running): sending again while one waits returns null, which is not an error.
 */
export async function sendJob<Data extends object>(
  settings: JobQueueSettings,
  definition: JobDefinition<Data>,
  data: Data,
  options: { singletonKey?: string } = {},
): Promise<string | null> {
  let sender = senders.get(settings.connectionString);
  if (!sender) {
    const boss = newBoss({ ...settings, poolMax: 1 }, "sender");
    sender = { boss: boss.start(), queues: new Map() };
    senders.set(settings.connectionString, sender);
    // A failed start is tried again by the next send.
    sender.boss.catch(() => senders.delete(settings.connectionString));
  }
  const boss = await sender.boss;
  let queue = sender.queues.get(definition.name);
  if (!queue) {
    queue = oneAtATime(settings.connectionString, () => ensureQueue(boss, definition as JobDefinition<never>));
    sender.queues.set(definition.name, queue);
    queue.catch(() => sender.queues.delete(definition.name));
  }
  await queue;
  return boss.send(definition.name, data, options.singletonKey ? { singletonKey: options.singletonKey } : {});
}

/** Closes this process's senders (tests, commands that exit). */
export async function stopJobSenders(): Promise<void> {
  const running = [...senders.values()];
  senders.clear();
  await Promise.all(
    running.map(async ({ boss }) => (await boss).stop({ graceful: false, close: true, wait: true }).catch(() => {})),
  );
}

export interface RunningWorker {
  boss: PgBoss;
  /** Stops fetching, waits up to `timeoutMs` for running jobs, then closes the pool. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * A worker for these jobs: creates their queues, puts each cron job's schedule (one row per
 * name, whoever writes it last), and works them one at a time per queue.
 */
export async function startJobWorker(
  settings: JobQueueSettings,
  definitions: readonly JobDefinition<never>[],
): Promise<RunningWorker> {
  const boss = newBoss(settings, "worker");
  // Workers starting together would create the same queues at once, which deadlocks in
  // PostgreSQL (seen with two instances): their set-up runs one at a time.
  await oneAtATime(settings.connectionString, async () => {
    await boss.start();
    for (const definition of definitions) {
      await ensureQueue(boss, definition);
      if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: "Europe/Paris" });
    }
  });
  for (const definition of definitions) {
    await boss.work<object>(
      definition.name,
      { pollingIntervalSeconds: settings.pollingIntervalSeconds ?? 2, batchSize: 1 },
      async ([job]) => {
        if (!job) return;
        const started = Date.now();
        logInfo("jobs.start", { job: definition.name, id: job.id });
        const result = await (definition.run as (data: object) => Promise<unknown>)(job.data);
        logInfo("jobs.done", { job: definition.name, id: job.id, ms: Date.now() - started });
        return result;
      },
    );
  }
  return {
    boss,
    stop: (timeoutMs = 30_000) => boss.stop({ graceful: true, close: true, timeout: timeoutMs, wait: true }),
  };
}
