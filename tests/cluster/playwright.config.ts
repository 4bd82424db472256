import { defineConfig, devices } from "@playwright/test";

/**
 * The two-instance checks, run by `npm run test:cluster` (scripts/cluster-test.ts), which starts
 * the instances, the proxy and the stores first and passes their addresses as CLUSTER_*.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 240_000,
  use: {
    baseURL: process.env.CLUSTER_URL ?? "http://localhost:4480",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
