import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:load`: the load tests, apart from `npm test`. They run against a private,
// throwaway PostgreSQL that they may restart (tests/load/setup.ts), never the shared one.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/load/**/*.load.test.ts"],
    globalSetup: ["tests/load/setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
