/**
 * The V8 flags of the web server's process (scripts/start.ts) and of the benchmark that measures
 * it (vitest.bench.config.ts; the HTTP benchmark through scripts/next-server-args.ts), so that what is measured is what runs.
 *
 * --optimize-for-size: a streamed export allocates a few KB per row (the rows read from the
 * database, the cells' XML), all of it short-lived. With V8's default heap sizing the old space
 * grew with that allocation rate before a full collection ran (heap 88 → 169 MB, RSS +80 to
 * +170 MB for 100,000 rows, nothing retained: 13 MB after a full collection). With this flag V8
 * keeps a smaller young generation and grows the heap by smaller steps: RSS +18 to +23 MB for
 * the same export (tests/bench/ir-desk.bench.test.ts; README "Benchmarks"). The cost is CPU on
 * allocation-heavy requests (the export took 12–15 s instead of 6–7 s on the loaded machine).
 * Not the young generation alone: --max-semi-space-size=1 left RSS at +170 MB, =32 at +92 to +156.
 * Passed on the command line, not in NODE_OPTIONS, which does not accept this V8 flag.
 */
export const webNodeFlags = ["--optimize-for-size"] as const;
