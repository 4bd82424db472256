import pg from "pg";
import type { JobDefinition } from "@/lib/jobs/queue";

/**
 * A job for the queue's tests whose effect is guarded like the portal's: it records each
 * attempt, then inserts its effect under a unique key (ON CONFLICT DO NOTHING), and can be
 * held mid-job by an advisory lock the test owns, "before" or "after" the effect, so the test
 * can kill the worker at that point.
 */
// In a schema of their own: the portal's tables (public) stay what the migrations make, for the
// backup test that dumps the same database meanwhile.
export const jobEffectTables = `
  CREATE SCHEMA IF NOT EXISTS job_test;
  CREATE TABLE IF NOT EXISTS job_test.attempt (job text NOT NULL, pid int NOT NULL, at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS job_test.effect (job text PRIMARY KEY, pid int NOT NULL);`;

export const holdLock = { before: 424_201, after: 424_202 } as const;

export type JobEffectData = { job: string; holdAt: keyof typeof holdLock };

export function jobEffectDefinition(databaseUrl: string, queue: string): JobDefinition<JobEffectData> {
  return {
    name: queue,
    expireInSeconds: 2,
    retryLimit: 3,
    retryDelaySeconds: 1,
    async run({ job, holdAt }) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query("INSERT INTO job_test.attempt (job, pid) VALUES ($1, $2)", [job, process.pid]);
        const wait = async (at: keyof typeof holdLock) => {
          if (holdAt !== at) return;
          await client.query("SELECT pg_advisory_lock($1)", [holdLock[at]]);
          await client.query("SELECT pg_advisory_unlock($1)", [holdLock[at]]);
        };
        await wait("before");
        await client.query("INSERT INTO job_test.effect (job, pid) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
          job,
          process.pid,
        ]);
        await wait("after");
      } finally {
        await client.end();
      }
    },
  };
}
