/**
 * The job queue (lib/jobs, pg-boss 10) with two worker instances on the test database: a
 * worker process killed in the middle of a job leaves it active; the other instance expires
 * it, retries it, and the job's effect (behind a unique key, as every portal job's is)
 * happens once, whether the first worker died before or after the effect.
 */
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startJobWorker } from "@/lib/jobs/queue";
import { holdLock, type JobEffectData, jobEffectDefinition, jobEffectTables } from "../support/job-effect";
import { spawnWorker } from "../support/spawn-worker";

const databaseUrl = process.env.DATABASE_URL ?? "";
let admin: pg.Client;
let sender: PgBoss;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(jobEffectTables);
});

afterAll(async () => {
  await sender?.stop({ graceful: false, close: true, wait: true });
  await admin?.end();
});

async function send(queue: string, data: JobEffectData): Promise<string> {
  sender ??= new PgBoss({ connectionString: databaseUrl, schema: "pgboss", supervise: false, schedule: false, max: 1 });
  // start() is idempotent: the first call starts, later ones return.
  await sender.start();
  const id = await sender.send(queue, data);
  if (!id) throw new Error("job refused");
  return id;
}

async function rows(sql: string, values: unknown[]): Promise<number> {
  return (await admin.query(sql, values)).rowCount ?? 0;
}

describe.each(["before", "after"] as const)("a worker killed mid-job, %s the effect", (holdAt) => {
  const queue = `test-kill-${holdAt}-${process.pid}`;
  const job = `${queue}-job`;
  let first: ChildProcess | undefined;
  let second: RunningWorker | undefined;

  afterAll(async () => {
    first?.kill("SIGKILL");
    await second?.stop(5_000);
  });

  it("is retried by the other instance and its effect happens once", { timeout: 90_000 }, async () => {
    // The test holds the lock the job waits on: the first worker stops in the middle of it.
    await admin.query("SELECT pg_advisory_lock($1)", [holdLock[holdAt]]);
    try {
      first = await spawnWorker("job-worker.ts", [queue]);
      const jobId = await send(queue, { job, holdAt });
      await expect
        .poll(() => rows("SELECT 1 FROM job_test.attempt WHERE job = $1", [job]), { timeout: 30_000, interval: 200 })
        .toBe(1);
      expect(await rows("SELECT 1 FROM job_test.effect WHERE job = $1", [job])).toBe(holdAt === "after" ? 1 : 0);

      // The node dies (no cleanup, no completion): its job stays active until it expires.
      const died = new Promise((resolve) => first!.once("exit", resolve));
      first.kill("SIGKILL");
      await died;
      const state = await admin.query("SELECT state FROM pgboss.job WHERE id = $1", [jobId]);
      expect(state.rows[0]?.state).toBe("active");

      second = await startJobWorker(
        { connectionString: databaseUrl, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 1 },
        [jobEffectDefinition(databaseUrl, queue)],
      );
    } finally {
      await admin.query("SELECT pg_advisory_unlock($1)", [holdLock[holdAt]]);
    }

    await expect
      .poll(
        async () => (await admin.query("SELECT state, retry_count FROM pgboss.job WHERE name = $1", [queue])).rows,
        {
          timeout: 60_000,
          interval: 500,
        },
      )
      .toEqual([{ state: "completed", retry_count: 1 }]);
    // Two attempts (the dead worker's, the retry), one effect, by the first to reach it.
    expect(await rows("SELECT 1 FROM job_test.attempt WHERE job = $1", [job])).toBe(2);
    const effects = await admin.query("SELECT pid FROM job_test.effect WHERE job = $1", [job]);
    expect(effects.rows).toHaveLength(1);
    if (holdAt === "before") expect(effects.rows[0].pid).toBe(process.pid);
    else expect(effects.rows[0].pid).not.toBe(process.pid);
  });
});
