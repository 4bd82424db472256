/**
 * The residence-permit deadline reminders (R-VIS-1): sends the reminders that are due now.
 *
 *   npm run visa:reminders
 *
 * Idempotent. The job worker (`npm run worker`, or `npm start`, which runs one) runs it every
 * hour from the PostgreSQL job queue (lib/jobs); this command runs it once, by hand. Each
 * reminder is claimed in PostgreSQL before it is sent, so runs that overlap, or a run after a crash or a restart, never send
 * the same reminder twice (lib/arrival/reminders.ts).
 *
 * Settings are the portal's (DATABASE_URL, SMTP_*, MAIL_FROM, APP_URL); without DATABASE_URL it
 * uses the embedded PostgreSQL's `portal` database, like `npm run demo`. It runs under tsx with
 * the `react-server` condition (see package.json), as the server code it reuses is marked
 * server-only.
 *
 * Exit code: 0 when every due reminder went out; 2 when some failed (the next run retries);
 * 1 on an error.
 */
import { preparePortalCommand } from "./portal-command.ts";

const log = (line: string) => console.log(`[visa:reminders] ${line}`);

async function main(): Promise<number> {
  const { server } = await preparePortalCommand(log);

  // Imported once the environment is complete (lib/env.ts reads it on first use).
  const { db } = await import("../lib/db.ts");
  const { runVisaReminders } = await import("../lib/arrival/reminders.ts");
  try {
    const run = await runVisaReminders();
    log(
      `${run.checked} open checklists with a deadline: ${run.sent} reminders sent, ${run.failed} failed, ${run.skipped} sent by another run.`,
    );
    if (run.unconfirmed > 0)
      log(`${run.unconfirmed} reminders were claimed but never confirmed sent (a crash): they are not resent.`);
    return run.failed > 0 ? 2 : 0;
  } finally {
    await db.$disconnect();
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[visa:reminders] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
