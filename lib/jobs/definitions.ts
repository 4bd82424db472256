import "server-only";
import { runVisaReminders } from "@/lib/arrival/reminders";
import { env } from "@/lib/env";
import { roundMailsJobName, runRoundMailsJob } from "@/lib/housing/release/mail-job";
import type { TRoundMailsJob } from "@/lib/housing/release/schemas";
import { type JobDefinition, type JobQueueSettings, sendJob } from "@/lib/jobs/queue";
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
    roundMailsJob(),
  ];
}

/**
 * R-HOU-3: e-mails a released round's decisions; sent on the release (and by "send the
 * remaining e-mails"), not scheduled. Each e-mail is claimed before it is sent, so a retry
 * sends only what is left. A large round takes a while: it is not taken for dead before an hour.
 */
export function roundMailsJob(): JobDefinition<TRoundMailsJob> {
  return {
    name: roundMailsJobName,
    expireInSeconds: Math.max(env().JOBS_EXPIRE_SECONDS, 3600),
    retryLimit: 5,
    retryDelaySeconds: 30,
    run: (data) => runRoundMailsJob(data),
  };
}

/**
 * Queues the e-mails of a released round for the workers: at most one job waits per round (its
 * singleton key), so a second click while one waits adds nothing.
 */
export function queueRoundMails(data: TRoundMailsJob): Promise<string | null> {
  return sendJob(jobQueueSettings(), roundMailsJob(), data, { singletonKey: data.roundId });
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
