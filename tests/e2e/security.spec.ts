import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { ensurePostgres } from "../../prisma/postgres.ts";
import { acceptApplication, submittedStudent } from "./application-support";
import {
  demoAccounts,
  demoPassword,
  e2eDatabase,
  expectAccessible,
  registerStudent,
  signInAs,
  studentPassword,
  uniqueEmail,
} from "./support";

// Web hardening (issue 6, ASVS V3 and V50): the headers of every page, the nonce-based
// Content-Security-Policy in a real browser, and server actions refusing foreign origins.

/** The CSP violations a page reports while it loads and is used. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation(line: string): void }).reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

test("every page is sent with a nonce CSP (no inline script without it), HSTS, nosniff, a referrer policy and no framing", async ({
  page,
}) => {
  const response = await page.goto("/en/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp.split(";").find((directive) => directive.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");

  // Every script Next wrote carries this response's nonce; the next response has another one.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const scripts = await page
    .locator("script")
    .evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((value) => value === nonce)).toBe(true);
  const again = (await page.request.get("/en/login")).headers()["content-security-policy"]!;
  expect(/'nonce-([^']+)'/.exec(again)![1]).not.toBe(nonce);
});

test("pages work under the CSP: signing in and a student's pages report no violation; personal pages are not cached", async ({
  page,
}) => {
  const violations = await watchCspViolations(page);
  await signInAs(page, demoAccounts.student.email, demoPassword);
  for (const path of ["/en/dossier", "/en/apply/identity", "/en/dossier/arrival", "/fr/dossier/housing"]) {
    const response = await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    expect(response!.headers()["cache-control"], path).toContain("no-store");
  }
  // Client components still run: the language switch and a form's live validation answer.
  await page.goto("/en/apply/identity");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need your attention." })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a server action posted from another origin is refused and changes nothing; the same request from the portal works", async ({
  page,
}) => {
  const email = uniqueEmail("origin");
  await page.goto("/en/register");
  await page.getByLabel("Full name").fill("Origin Check");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(studentPassword);
  await page.getByLabel("Confirm the password").fill(studentPassword);

  // The browser's own request to the register action, captured instead of sent.
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/en/register", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = {
      url: route.request().url(),
      headers: route.request().headers(),
      body: route.request().postDataBuffer()!,
    };
    await route.abort();
  });
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect.poll(() => captured).toBeDefined();
  expect(captured!.headers["next-action"]).toBeTruthy();

  const accounts = () =>
    e2eDatabase(async (client) =>
      Number((await client.query(`SELECT count(*) FROM "User" WHERE email = $1`, [email])).rows[0].count),
    );
  const replay = (origin: string) =>
    page.request.fetch(captured!.url, {
      method: "POST",
      headers: { ...captured!.headers, origin },
      data: captured!.body,
      maxRedirects: 0,
    });

  const foreign = await replay("https://attacker.example");
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await accounts()).toBe(0);

  const own = await replay(new URL(captured!.url).origin);
  expect(own.status()).toBeLessThan(400);
  expect(await accounts()).toBe(1);
});

test("a route handler that changes state refuses another origin (document upload)", async ({ page }) => {
  await signInAs(page, demoAccounts.student.email, demoPassword);
  const response = await page.request.post("/api/documents", {
    headers: { origin: "https://attacker.example" },
    multipart: {
      kind: "CV",
      file: { name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") },
    },
  });
  expect(response.status()).toBe(403);
});

test("GDPR: a student downloads all their data as JSON from the dossier; anonymous gets 401", async ({ page }) => {
  await signInAs(page, demoAccounts.student.email, demoPassword);
  await page.goto("/en/dossier");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("my-data.json");
  const data = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8")) as {
    account: { email: string };
  };
  expect(data.account.email).toBe(demoAccounts.student.email);
  expect(JSON.stringify(data)).not.toMatch(/passwordHash|storageKey/);
  const anonymous = await page.context().browser()!.newContext();
  expect((await anonymous.request.get(`${new URL(page.url()).origin}/api/me/export`)).status()).toBe(401);
});

test("database down: a bilingual 'service unavailable' page and a 503 health, no stack trace; back up, the portal recovers without a restart", async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect((await page.request.get("/api/health")).status()).toBe(200);
  // Stop the PostgreSQL server the portal uses (its postmaster is the parent of this backend).
  // A client of its own, whose connection the shutdown ends: that error is expected.
  const killer = new pg.Client({ connectionString: (await ensurePostgres()).urlFor("portal_e2e") });
  killer.on("error", () => {});
  await killer.connect();
  await killer.query(`COPY (SELECT 1) TO PROGRAM 'kill -INT $(ps -o ppid= -p $PPID)'`).catch(() => undefined);
  await killer.end().catch(() => undefined);
  await expect.poll(async () => (await page.request.get("/api/health")).status(), { timeout: 20_000 }).toBe(503);
  const health = await page.request.get("/api/health");
  expect(await health.text()).not.toMatch(/\bat \S+\.(js|ts):\d+/);

  // A public page that reads the database (the programmes).
  const response = await page.goto("/en/double-degrees");
  expect(response!.status()).toBeGreaterThanOrEqual(500);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Service temporarily unavailable");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Service momentanément indisponible");
  expect(await page.content()).not.toMatch(/\bat \S+\.(js|ts):\d+|PrismaClient|ECONNREFUSED/);
  await expectAccessible(page);

  // The launcher's watchdog starts the database again; the same portal process serves again.
  await expect
    .poll(async () => (await page.request.get("/api/health")).status(), { timeout: 60_000, intervals: [1000] })
    .toBe(200);
  await page.goto("/en/double-degrees");
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("unavailable");
  await signInAs(page, demoAccounts.student.email, demoPassword);
  await page.goto("/en/dossier");
  await expect(page.locator("h1")).toBeVisible();
});

test("GDPR: an admin erases a person by anonymisation (confirmed), sees it in the audit trail; the person can no longer sign in", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("erase");
  const student = await (await browser.newContext()).newPage();
  await registerStudent(student, email, "Erin Erasable");

  const userId = await e2eDatabase(
    async (client) =>
      (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email])).rows[0]!.id,
  );
  await signInAs(page, demoAccounts.admin.email, demoPassword);
  await page.goto(`/en/admin/users/${userId}`);
  await expect(page.getByRole("heading", { name: "Erase this person (GDPR)" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Erase this person" }).click();
  await expect(
    page.locator("#confirm-error, [id$='-error']").filter({ hasText: "Tick this box to confirm the erasure." }),
  ).toBeVisible();
  await page.getByLabel("I confirm the erasure: it cannot be undone.").check();
  await page.getByRole("button", { name: "Erase this person" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The person was erased (anonymised)." })).toBeVisible();
  expect(
    await e2eDatabase(
      async (client) => (await client.query(`SELECT count(*) FROM "User" WHERE email = $1`, [email])).rows[0].count,
    ),
  ).toBe("0");

  await page.goto(`/en/admin/audit?action=privacy.&entityId=${userId}`);
  await expect(page.getByRole("cell", { name: "privacy.anonymise" })).toBeVisible();
  await expectAccessible(page);

  // The person's open session ends at once.
  await student.goto("/en/dossier");
  await expect(student).toHaveURL(/\/en\/login/);
});

test("an erased person's dossier reads as an anonymised student, with its reference, in the queue, the dossier and the arrivals (issue 21)", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const lastName = `Erased${Date.now()}`;
  const { email } = await submittedStudent(browser, lastName);
  await acceptApplication(browser, lastName);
  const { userId, applicationId } = await e2eDatabase(
    async (client) =>
      (
        await client.query<{ userId: string; applicationId: string }>(
          `SELECT u.id AS "userId", a.id AS "applicationId" FROM "User" u JOIN "Application" a ON a."studentId" = u.id WHERE u.email = $1`,
          [email],
        )
      ).rows[0]!,
  );
  await signInAs(page, demoAccounts.admin.email, demoPassword);
  await page.goto(`/en/admin/users/${userId}`);
  await page.getByLabel("I confirm the erasure: it cannot be undone.").check();
  await page.getByRole("button", { name: "Erase this person" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The person was erased (anonymised)." })).toBeVisible();

  const reference = applicationId.slice(0, 8).toUpperCase();
  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, demoAccounts.sciences.email, demoPassword);
  for (const [locale, label] of [
    ["en", `Anonymised student (ref. ${reference})`],
    ["fr", `Étudiant·e anonymisé·e (réf. ${reference})`],
  ] as const) {
    await reviewer.goto(`/${locale}/review?status=ACCEPTED`);
    await expect(reviewer.getByRole("link", { name: label })).toBeVisible();
    await expectAccessible(reviewer);
    await reviewer.goto(`/${locale}/review/arrivals`);
    await expect(reviewer.getByRole("link", { name: label })).toBeVisible();
    await expectAccessible(reviewer);
  }
  await reviewer.goto(`/en/review/${applicationId}`);
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText(`Anonymised student (ref. ${reference})`);
  await expectAccessible(reviewer);
});
