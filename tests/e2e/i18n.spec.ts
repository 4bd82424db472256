import { expect, test } from "@playwright/test";
import { linkInMail } from "./support";

test.describe("locale from the browser's preference", () => {
  for (const [acceptLanguage, locale] of [
    ["fr-FR", "fr"],
    ["en-GB", "en"],
    ["de-DE", "fr"], // neither: AMU's own language
  ] as const) {
    test(`"/" with ${acceptLanguage} goes to /${locale}`, async ({ browser }) => {
      // The context locale is what Chromium sends as Accept-Language.
      const context = await browser.newContext({ locale: acceptLanguage });
      const page = await context.newPage();
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`/${locale}$`));
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await context.close();
    });
  }
});

test("the home page explains the exchange in both languages", async ({ page }) => {
  await page.goto("/en");
  await expect(
    page.getByRole("heading", { level: 1, name: "Study at Aix-Marseille University as an exchange student" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Who can apply" })).toBeVisible();
  await expect(page.getByText(/It is not automatic/)).toBeVisible();
  await page.goto("/fr");
  await expect(
    page.getByRole("heading", { level: 1, name: "Étudier à Aix-Marseille Université en programme d'échange" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Qui peut candidater" })).toBeVisible();
});

test("the language switch keeps the page", async ({ page }) => {
  await page.goto("/en/register");
  await page.getByRole("link", { name: "Afficher cette page en français" }).click();
  await expect(page).toHaveURL(/\/fr\/register$/);
  await expect(page.getByRole("heading", { level: 1, name: "Créer un compte étudiant" })).toBeVisible();
  await page.getByRole("link", { name: "Show this page in English" }).click();
  await expect(page).toHaveURL(/\/en\/register$/);
});

test("an unknown page gets a translated 404", async ({ page }) => {
  const english = await page.goto("/en/no-such-page");
  expect(english?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  const french = await page.goto("/fr/pas/de/page");
  expect(french?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
});

test("a refused registration answers next to the field, in French, and keeps what was typed", async ({ page }) => {
  await page.goto("/fr/register");
  await page.getByLabel("Nom complet").fill("Zoé Durand");
  await page.getByLabel("Adresse e-mail").fill("zoe.durand@example.org");
  await page.getByLabel("Mot de passe", { exact: true }).fill("court");
  await page.getByLabel("Confirmer le mot de passe").fill("court");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Certains champs demandent votre attention.");
  const password = page.getByLabel("Mot de passe", { exact: true });
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Le mot de passe doit comporter au moins 12 caractères.")).toBeVisible();
  await expect(page.getByLabel("Nom complet")).toHaveValue("Zoé Durand");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue("zoe.durand@example.org");
  await expect(page).toHaveURL(/\/fr\/register$/);
});

test("registering twice with one e-mail answers like the first time, and the owner is mailed a reset link (R-ACC-6)", async ({
  page,
}) => {
  const email = `twice-${Date.now()}@example.org`;
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.context().clearCookies();
    await page.goto("/en/register");
    await page.getByLabel("Full name").fill("Twice");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("a passphrase long enough");
    await page.getByLabel("Confirm the password").fill("a passphrase long enough");
    await page.getByRole("button", { name: "Create my account" }).click();
  }
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  await expect(page.getByText("An account already exists")).toHaveCount(0);
  expect(await linkInMail(email, "/reset-password")).toMatch(/^\/en\/reset-password\?token=/);
});

test("GET /api/health answers ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
