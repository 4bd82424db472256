/**
 * The retention rules (GDPR art. 5(1)(e), lib/privacy/rules.ts): deletes what is past its
 * time and anonymises the students of academic years long over.
 *
 *   npm run privacy:retention
 *
 * Idempotent. The job worker (`npm run worker`, or `npm start`) runs it daily at 03:30 from the
 * PostgreSQL job queue (lib/jobs); this command runs it once, by hand.
 * Settings are the portal's (DATABASE_URL, UPLOAD_DIR); without DATABASE_URL it uses the
 * embedded PostgreSQL's `portal` database, like `npm run demo`. Exit code: 0, or 1 on an error.
 */
import { preparePortalCommand } from "./portal-command.ts";

const log = (line: string) => console.log(`[privacy:retention] ${line}`);

async function main(): Promise<number> {
  const { server } = await preparePortalCommand(log);
  const { db } = await import("../lib/db.ts");
  const { applyRetention } = await import("../lib/privacy/retention.ts");
  try {
    const run = await applyRetention();
    log(
      `${run.sessionsDeleted} sessions and ${run.throttlesDeleted} sign-in throttles deleted, ${run.draftsDeleted} old drafts deleted, ${run.closedDossierDocumentsDeleted} documents of closed dossiers deleted, ${run.alumniAnonymised} former students and ${run.othersAnonymised} other people (closed or stale dossiers, unused accounts) anonymised, ${run.sponsorshipsAnonymised} sponsorships of past semesters anonymised.`,
    );
    return 0;
  } finally {
    await db.$disconnect();
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[privacy:retention] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
