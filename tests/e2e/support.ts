import { randomBytes } from "node:crypto";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { readOutbox } from "../../lib/mail/outbox.ts";
import { ensurePostgres } from "../../prisma/postgres.ts";
import { demoAccounts, demoPassword } from "../../prisma/seed.ts";

export { demoAccounts, demoPassword };

/** WCAG 2.1 levels A and AA: what every page must pass (axe-core's tags). */
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The page's axe violations, one line each (rule: elements), for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Next streams a page's metadata: the title may land just after the content. Wait for it
  // (a page with none still fails, after the wait, as axe's document-title).
  await expect(page)
    .toHaveTitle(/\S/, { timeout: 5_000 })
    .catch(() => {});
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

const registration = {
  en: {
    fields: ["Full name", "E-mail address", "Password", "Confirm the password"],
    submit: "Create my account",
    sent: "Check your inbox",
    confirm: "Confirm my e-mail address",
    confirmed: "is confirmed",
  },
  fr: {
    fields: ["Nom complet", "Adresse e-mail", "Mot de passe", "Confirmer le mot de passe"],
    submit: "Créer mon compte",
    sent: "Consultez votre boîte de réception",
    confirm: "Confirmer mon adresse e-mail",
    confirmed: "est confirmée",
  },
} as const;

/**
 * Registers through the form and confirms the address from the mailed link, as a person would;
 * the student then signs in and lands on their application page.
 */
export async function registerStudent(page: Page, email: string, name = "Test Student", locale: "en" | "fr" = "en") {
  const l = registration[locale];
  await page.goto(`/${locale}/register`);
  await page.getByLabel(l.fields[0]).fill(name);
  await page.getByLabel(l.fields[1]).fill(email);
  await page.getByLabel(l.fields[2], { exact: true }).fill(studentPassword);
  await page.getByLabel(l.fields[3]).fill(studentPassword);
  await page.getByRole("button", { name: l.submit }).click();
  // Registration hashes the password and sends a mail: slower than a page on a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: l.sent })).toBeVisible({ timeout: 20_000 });
  await page.goto(await linkInMail(email, "/confirm-email"));
  await page.getByRole("button", { name: l.confirm }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(l.confirmed);
  await signInAs(page, email, studentPassword, locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/dossier$`));
}

/**
 * The path of the last link to `page` mailed to `to`, read from the e2e server's SMTP sink
 * (.data/e2e-mail); waits for the mail, which the server sends once its change is committed.
 */
export async function linkInMail(to: string, linkPage: "/confirm-email" | "/reset-password"): Promise<string> {
  const pattern = new RegExp(`https?://[^/\\s]+(/(?:fr|en)${linkPage}\\?token=[A-Za-z0-9_-]+)`);
  let found: string | undefined;
  await expect
    .poll(async () => {
      const messages = await readOutbox(path.resolve(".data/e2e-mail"), 5, { to });
      found = messages.map((message) => message.text.match(pattern)?.[1]).find(Boolean);
      return found;
    })
    .toBeTruthy();
  return found!;
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
