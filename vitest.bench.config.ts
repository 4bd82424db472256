import { defineConfig } from "vitest/config";
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
    execArgv: ["--expose-gc"],
  },
});
