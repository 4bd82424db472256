import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { ensurePostgres } from "../../prisma/postgres.ts";
import { demoAccounts, demoPassword } from "../../prisma/seed.ts";

export { demoAccounts, demoPassword };

/** WCAG 2.1 levels A and AA: what every page must pass (axe-core's tags). */
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The page's axe violations, one line each (rule: elements), for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** The e2e server's own database (see playwright.config.ts), for arranging and checking state. */
export async function e2eDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const server = await ensurePostgres();
  const client = new pg.Client({ connectionString: server.urlFor("portal_e2e") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.org`;
}

export const studentPassword = "a passphrase long enough";

/** Registers through the form; the student lands on their application page, signed in. */
export async function registerStudent(page: Page, email: string, name = "Test Student") {
  await page.goto("/en/register");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(studentPassword);
  await page.getByLabel("Confirm the password").fill(studentPassword);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/en\/dossier$/);
}

export async function signIn(page: Page, email: string, password: string, locale: "en" | "fr" = "en") {
  await page.goto(`/${locale}/login`);
  await fillSignIn(page, email, password, locale);
}

/** Signs in and waits to have left the sign-in page (for accounts expected to succeed). */
export async function signInAs(page: Page, email: string, password: string, locale: "en" | "fr" = "en") {
  await signIn(page, email, password, locale);
  await expect(page).not.toHaveURL(/\/login/);
}

/** Fills and sends the sign-in form of the current page. */
export async function fillSignIn(page: Page, email: string, password: string, locale: "en" | "fr" = "en") {
  const labels =
    locale === "en"
      ? { email: "E-mail address", password: "Password", submit: "Sign in" }
      : { email: "Adresse e-mail", password: "Mot de passe", submit: "Se connecter" };
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("main").getByRole("button", { name: labels.submit }).click();
}

/** The form's own alert (not Next's hidden route announcer, which also has role=alert). */
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}
