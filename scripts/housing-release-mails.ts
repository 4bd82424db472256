/**
 * Operators' command: sends the decision e-mails of a released housing round that have not
 * been sent yet, and prints the progress (R-HOU-3).
 *
 *   npm run housing:mails -- --round <round id>
 *
 * Idempotent: run it as often as needed, after a crash, or while the portal is sending the
 * same round. Each e-mail is claimed in the database before it is sent and recorded after,
 * so an e-mail already sent is never sent again. An e-mail whose claim a crash left behind
 * is reported "uncertain" and never resent automatically: staff resolve it on the round's
 * release page (/review/housing/rounds/<id>). Ctrl-C stops between two e-mails.
 *
 * Settings are the portal's (DATABASE_URL, SMTP_*, MAIL_FROM, APP_URL); without DATABASE_URL
 * it uses the embedded PostgreSQL's `portal` database, like `npm run demo`. It runs under
 * tsx with the `react-server` condition (see package.json), as the server code it reuses is
 * marked server-only.
 *
 * Exit code: 0 when every decision is e-mailed; 2 when some failed or are uncertain (run
 * again later, or resolve them on the page); 1 on an error.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { preparePortalCommand } from "./portal-command.ts";

const { values: flags } = parseArgs({
  options: {
    round: { type: "string" },
    concurrency: { type: "string", default: "4" },
  },
});

const log = (line: string) => console.log(`[housing:mails] ${line}`);

async function main(): Promise<number> {
  const roundId = z.uuid().safeParse(flags.round);
  const concurrency = z.coerce.number().int().min(1).max(20).safeParse(flags.concurrency);
  if (!roundId.success || !concurrency.success) {
    console.error("Usage: npm run housing:mails -- --round <round id (uuid)> [--concurrency 1-20]");
    return 1;
  }

  const { server } = await preparePortalCommand(log);

  // Imported once the environment is complete (lib/env.ts reads it on first use).
  const { db } = await import("../lib/db.ts");
  const { env } = await import("../lib/env.ts");
  const { sendRoundMails } = await import("../lib/housing/release/service.ts");
  // The operator runs this on the server: no signed-in viewer to scope the counts to.
  const { unsafeRoundReleaseProgress } = await import("../lib/housing/release/queries.ts");

  const controller = new AbortController();
  process.once("SIGINT", () => {
    log("Stopping after the e-mails being sent…");
    controller.abort();
  });

  try {
    log(`SMTP server: ${env().SMTP_HOST}:${env().SMTP_PORT}`);
    let lastPrinted = 0;
    const counts = await sendRoundMails(roundId.data, {
      signal: controller.signal,
      concurrency: concurrency.data,
      onProgress: (progress) => {
        const now = Date.now();
        if (progress.done !== progress.total && now - lastPrinted < 1000) return;
        lastPrinted = now;
        const percent = progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100);
        log(
          `${progress.done}/${progress.total} (${percent}%) — sent ${progress.sent}, already sent ${progress.alreadySent}, failed ${progress.failed}, uncertain ${progress.uncertain}, being sent elsewhere ${progress.inProgress}`,
        );
      },
    });
    const state = await unsafeRoundReleaseProgress(roundId.data);
    log(
      `${counts.aborted ? "Stopped" : "Done"}: ${counts.sent} sent now, ${counts.alreadySent} sent before, ${counts.failed} failed, ${counts.uncertain} uncertain, ${counts.inProgress} being sent elsewhere, ${counts.skipped} no longer decided.`,
    );
    log(
      `The round: ${state.notified} of ${state.decided} decisions e-mailed, ${state.remaining} still to send, ${state.uncertain} uncertain.`,
    );
    if (counts.failed > 0) log("Failed e-mails are not claimed: run this command again once the mail server answers.");
    if (state.uncertain > 0)
      log(`Uncertain e-mails are never resent automatically: resolve them on /review/housing/rounds/${roundId.data}.`);
    return state.notified === state.decided ? 0 : 2;
  } finally {
    await db.$disconnect();
    await server?.stop();
  }
}

// The domain errors this command can meet, said plainly (the portal translates them).
const explained: Record<string, string> = {
  notFound: "There is no round with this id (see /review/housing/rounds).",
  housingRoundNotReleased: "This round is not released yet: its decisions are not e-mailed before the release.",
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const code = error && typeof error === "object" && "code" in error ? String((error as { code: unknown }).code) : "";
    console.error(`[housing:mails] ${explained[code] ?? (error instanceof Error ? error.message : String(error))}`);
    process.exit(1);
  },
);
