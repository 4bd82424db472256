import { defineConfig, devices } from "@playwright/test";
import { oidcTestIssuer, oidcTestPort, portalSsoEnv } from "./tests/e2e/oidc/settings";

// Ports can be moved so that two checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    // localhost, not 127.0.0.1: next-auth builds its callback URLs with the host it is given.
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Chromium's own background traffic is refused by the closed network of these machines.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // A real OpenID Connect provider on loopback (tests/e2e/oidc/provider.ts), up before the
      // portal so that its first single sign-on finds the discovery document.
      command: `npx tsx tests/e2e/oidc/provider.ts`,
      url: `${oidcTestIssuer}/.well-known/openid-configuration`,
      env: { E2E_OIDC_PORT: String(oidcTestPort), E2E_PORT: String(port) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      // The built portal on a fresh database of its own and its own mail sink.
      command: `npx tsx scripts/start.ts --port ${port} --database portal_e2e --fresh --smtp-port ${smtpPort} --mail-dir .data/e2e-mail --upload-dir .data/e2e-uploads`,
      url: `http://localhost:${port}/api/health`,
      env: {
        // Every e2e registration comes from 127.0.0.1: the per-address quota (R-ACC-4) is raised
        // so that the whole suite can register its students within the hour.
        REGISTRATIONS_PER_ADDRESS_PER_HOUR: "1000",
        // R-MFA-4: the specs sign the demo staff in with their password; an account that HAS
        // enrolled is still asked for its code (tests/e2e/second-factor.spec.ts). The default,
        // without this variable, is "required".
        SECOND_FACTOR: "optional",
        ...portalSsoEnv,
      },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
    },
  ],
});
