import { expect, test } from "@playwright/test";
import {
  demoAccounts,
  demoPassword,
  e2eDatabase,
  expectAccessible,
  formAlert,
  registerStudent,
  signIn,
  signInAs,
  studentPassword,
  uniqueEmail,
} from "./support";

// Issue 11: the sign-in's weaknesses found by an independent test (R-SEC-3…6), "My sessions"
// (R-SEC-8) and the legal pages (R-SEC-9), against the built portal.

/** The sign-in throttle's rows of this machine's own addresses, so other specs are not slowed. */
async function forgetLocalAddresses() {
  await e2eDatabase((db) =>
    db.query(`DELETE FROM "SignInThrottle" WHERE key IN ('ip:127.0.0.1', 'ip:::1', 'ip:localhost', 'ip:unknown')`),
  );
}

test("R-SEC-4: next-auth's own endpoints do not exist; their 404 pages carry the CSP", async ({ request }) => {
  for (const path of ["signin", "signout", "providers", "csrf", "session", "callback/credentials", "error"]) {
    const get = await request.get(`/api/auth/${path}`, { maxRedirects: 0 });
    expect(get.status(), `GET /api/auth/${path}`).toBe(404);
    expect(get.headers()["content-security-policy"], path).toContain("base-uri 'none'");
  }
  const post = await request.post("/api/auth/signout", { form: { csrfToken: "x" }, maxRedirects: 0 });
  expect(post.status()).toBe(404);
});

test("R-SEC-5: every HTML response carries the CSP with base-uri 'none', 404s of paths with a dot included", async ({
  request,
}) => {
  for (const path of [
    "/en/login",
    "/fr",
    "/x.png",
    "/en/nothing.here",
    "/fr/no-such-page",
    "/api/nothing",
    "/robots.txt",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("base-uri 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
  }
});

test("R-SEC-6: control characters in a URL are refused with a 400, a line break in the sign-in's callback with a form error", async ({
  page,
  request,
}) => {
  for (const path of ["/en/login?callbackUrl=%2Fen%2Fdossier%0D%0AX", "/en/review?q=a%00b", "/en/review?after=%00"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
  }

  const email = uniqueEmail("callback");
  await registerStudent(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/en/login?callbackUrl=%2Fen%2Fdossier");
  await page.locator('input[name="callbackUrl"]').evaluate((input: HTMLInputElement) => {
    input.value = "/en/dossier\r\nSet-Cookie: x=1";
  });
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(studentPassword);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toBeVisible();
  await expect(page).toHaveURL(/\/en\/login/);
  await page.goto("/en/dossier");
  await expect(page).toHaveURL(/\/en\/login/);
});

test("R-SEC-3: a forged X-Forwarded-For neither spreads failures over made-up addresses nor shows up as the session's address", async ({
  browser,
}) => {
  await forgetLocalAddresses();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // 21 failures, each claiming another address: the socket's address is the one counted.
    for (let attempt = 0; attempt < 21; attempt++) {
      await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${attempt + 1}` });
      await signIn(page, uniqueEmail("spray"), "not the right passphrase");
      await expect(formAlert(page)).toHaveText(/Invalid e-mail or password\.|Too many failed attempts/);
    }
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.99" });
    await signIn(page, uniqueEmail("spray"), "not the right passphrase");
    await expect(formAlert(page)).toHaveText(/Too many failed attempts/);
    await context.close();
  } finally {
    await forgetLocalAddresses();
  }

  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77" } });
  const page = await context.newPage();
  await registerStudent(page, uniqueEmail("forged"));
  await page.goto("/en/account/sessions");
  await expect(page.getByRole("table", { name: "My sessions" })).toBeVisible();
  await expect(page.getByText("203.0.113.77")).toHaveCount(0);
  await expect(page.getByRole("cell", { name: /^(127\.0\.0\.1|::1)$/ })).toBeVisible();
  await context.close();
});

test("R-SEC-8: my sessions lists both browsers and ends the other one, whose next request must sign in again", async ({
  browser,
}) => {
  const email = uniqueEmail("two-browsers");
  const laptop = await browser.newContext();
  const phone = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
  });
  const here = await laptop.newPage();
  const there = await phone.newPage();
  await registerStudent(here, email);
  await signInAs(there, email, studentPassword);

  for (const locale of ["fr", "en"] as const) {
    await here.goto(`/${locale}/account/sessions`);
    await expectAccessible(here);
  }
  const table = here.getByRole("table", { name: "My sessions" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("cell", { name: "Chrome on Android", exact: true })).toBeVisible();
  await expect(table.getByText("(This browser)")).toBeVisible();

  here.once("dialog", (dialog) => dialog.accept());
  await table.getByRole("button", { name: /^End Chrome on Android$/ }).click();
  await expect(here.getByRole("status")).toHaveText("The session has ended.");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(here.getByText("You are signed in in this browser only.")).toBeVisible();

  await there.goto("/en/dossier");
  await expect(there).toHaveURL(/\/en\/login/);
  await laptop.close();
  await phone.close();
});

test("R-SEC-8: sign out everywhere else, in French", async ({ browser }) => {
  const email = uniqueEmail("everywhere");
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [here, ...others] = await Promise.all(contexts.map((context) => context.newPage()));
  await registerStudent(here!, email);
  for (const other of others) await signInAs(other, email, studentPassword);
  await here!.goto("/fr/account/sessions");
  await expect(here!.getByRole("table", { name: "Mes sessions" }).getByRole("row")).toHaveCount(4);
  here!.once("dialog", (dialog) => dialog.accept());
  await here!.getByRole("button", { name: "Me déconnecter partout ailleurs" }).click();
  await expect(here!.getByRole("status")).toHaveText("Toutes les autres sessions sont terminées.");
  for (const other of others) {
    await other.goto("/en/dossier");
    await expect(other).toHaveURL(/\/en\/login/);
  }
  await here!.goto("/en/dossier");
  await expect(here!).toHaveURL(/\/en\/dossier$/);
  await Promise.all(contexts.map((context) => context.close()));
});

test("R-SEC-9: the footer of every page leads to the three legal pages, in both languages; registration shows the privacy notice", async ({
  page,
}) => {
  const footers = {
    en: ["Legal notice", "Privacy policy", "Accessibility: partially compliant"],
    fr: ["Mentions légales", "Politique de confidentialité", "Accessibilité : partiellement conforme"],
  };
  const headings = {
    en: ["Legal notice", "Privacy policy", "Accessibility statement"],
    fr: ["Mentions légales", "Politique de confidentialité", "Déclaration d'accessibilité"],
  };
  for (const locale of ["en", "fr"] as const) {
    for (const [index, link] of footers[locale].entries()) {
      await page.goto(`/${locale}/login`);
      await page.getByRole("contentinfo").getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { level: 1, name: headings[locale][index] })).toBeVisible();
      await expectAccessible(page);
    }
  }
  await page.goto("/en/register");
  await expect(page.getByRole("heading", { name: "Your personal data" })).toBeVisible();
  await expect(page.getByText(/Aix-Marseille University \(controller\)/)).toBeVisible();
  await expectAccessible(page);
  await page.goto("/fr/register");
  await expect(page.getByRole("heading", { name: "Vos données personnelles" })).toBeVisible();
  await expectAccessible(page);
});

test("R-SEC-9: an administrator edits the privacy policy; a refused save keeps the text; the page shows it, as text", async ({
  page,
}) => {
  await signInAs(page, demoAccounts.admin.email, demoPassword);
  await page.goto("/en/admin");
  await page.getByRole("link", { name: "Legal pages" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Legal pages" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Edit Privacy policy" }).click();
  await expectAccessible(page);

  const english = page.getByRole("group", { name: "English" });
  const text = "## Data protection officer\nWrite to dpo@univ-amu.example <b>now</b>\n- access\n- erasure";
  await english.getByLabel("Text").fill(text);
  await english.getByLabel("Title").fill("");
  await page.getByRole("button", { name: "Save both languages" }).click();
  await expect(english.getByLabel("Text")).toHaveValue(text);
  await expect(english.getByText("This field is required.")).toBeVisible();

  await english.getByLabel("Title").fill("Privacy policy");
  await page.getByRole("button", { name: "Save both languages" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await page.goto("/en/legal/privacy");
  await expect(page.getByRole("heading", { level: 2, name: "Data protection officer" })).toBeVisible();
  await expect(page.getByText("Write to dpo@univ-amu.example <b>now</b>")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "erasure" })).toBeVisible();
  for (const path of ["/fr/admin/legal", "/fr/admin/legal/accessibility"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});
