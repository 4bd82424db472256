import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next's guard against importing server code into the browser; tests run on the server side.
      "server-only": path.resolve(import.meta.dirname, "tests/setup/server-only.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    globalSetup: ["tests/setup/test-database.ts"],
    testTimeout: 30_000,
    // next-auth and next-intl import Next's modules without their extension, which only a
    // bundler resolves: the authorization test loads every action module, theirs included.
    server: { deps: { inline: ["next-auth", "next-intl"] } },
    hookTimeout: 120_000,
  },
});
