import "server-only";
import { runVisaReminders } from "@/lib/arrival/reminders";
import { env } from "@/lib/env";
import type { JobDefinition, JobQueueSettings } from "@/lib/jobs/queue";
import { applyRetention } from "@/lib/privacy/retention";

/**
 * The portal's scheduled jobs, each idempotent behind the database's unique keys (see
 * lib/jobs/queue.ts): a retry after a dead worker, or two slots run back to back, change
 * nothing that already happened.
 */
export function portalJobs(): JobDefinition<never>[] {
  const settings = env();
  return [
    {
      // R-VIS-1: each reminder claimed by its primary key before it is sent.
      name: "visa-reminders",
      cron: settings.JOBS_CRON_VISA_REMINDERS,
      expireInSeconds: settings.JOBS_EXPIRE_SECONDS,
      retryLimit: 3,
      run: () => runVisaReminders(),
    },
    {
      // Deletes and anonymises what is past its time: running it twice deletes nothing more.
      name: "privacy-retention",
      cron: settings.JOBS_CRON_PRIVACY_RETENTION,
      expireInSeconds: settings.JOBS_EXPIRE_SECONDS,
      retryLimit: 3,
      run: () => applyRetention(),
    },
  ];
}

/** The queue's settings from the environment: the portal's database, its own small pool. */
export function jobQueueSettings(): JobQueueSettings {
  const settings = env();
  return {
    connectionString: settings.DATABASE_URL,
    poolMax: 2,
    maintenanceIntervalSeconds: settings.JOBS_MAINTENANCE_SECONDS,
  };
}
