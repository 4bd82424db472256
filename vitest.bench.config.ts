import { defineConfig } from "vitest/config";
import { webNodeFlags } from "./scripts/web-node-flags";
import base from "./vitest.config";

// `npm run bench`: the performance targets, on purpose and apart from `npm test`. Same
// throwaway database set-up as the tests; the benchmarks fill it at the scale they measure.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/bench/**/*.bench.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    // The web server's V8 flags (scripts/web-node-flags.ts), so the export's memory is measured as it runs.
    execArgv: ["--expose-gc", ...webNodeFlags],
  },
});
