/**
 * The V8 flags of the web server's process (scripts/next-server-args.ts: `npm start` and the
 * HTTP benchmark) and of `npm run bench` (vitest.bench.config.ts), so that what is measured is
 * what runs.
 *
 * --expose-gc: a streamed export allocates a few KB per row (the rows read from the database,
 * the cells' XML), all of it short-lived; V8 sized its heap by that allocation rate and grew it
 * by 80–170 MB for 100,000 rows before collecting on its own (nothing retained: 13 MB after a
 * full collection). The export now collects every 10,000 rows (lib/exports/xlsx-writer.ts):
 * RSS growth 24 MB under load instead of 78–100 MB (tests/bench/ir-desk.bench.test.ts).
 * --optimize-for-size did as well for the export but doubled the CPU of every page (queue
 * 21 → 52 ms, bench:http at 10,000 dossiers), so it is not used.
 */
export const webNodeFlags = ["--expose-gc"] as const;
