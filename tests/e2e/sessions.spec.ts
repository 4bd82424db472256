import path from "node:path";
import { expect, test } from "@playwright/test";
import { readOutbox } from "../../lib/mail/outbox.ts";
import { e2eDatabase, formAlert, registerStudent, signIn, studentPassword, uniqueEmail } from "./support";

test("register → sign out → sign in → sign out: the copied cookie no longer opens a protected page", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("journey");
  await registerStudent(page, email, "Journey Student");
  await expect(page.getByRole("heading", { level: 1, name: "My application" })).toBeVisible();
  await expect(page.getByText("Signed in as Journey Student")).toBeVisible();
  // The verification e-mail went through SMTP to the e2e server's sink (playwright.config.ts).
  const mail = (await readOutbox(path.resolve(".data/e2e-mail"))).find((message) => message.to.includes(email));
  expect(mail?.subject).toBe("Confirm your e-mail address");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, email, studentPassword);
  await expect(page).toHaveURL(/\/en\/dossier$/);
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name.includes("authjs.session-token"))).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en$/);

  // Someone who copied the cookie before sign-out gets nothing with it.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/en/dossier");
  await expect(stolen).toHaveURL(/\/en\/login\?callbackUrl=%2Fen%2Fdossier$/);
  await thief.close();
});

test("disabling a user or changing their role takes effect on the next request", async ({ page }) => {
  const email = uniqueEmail("revoked");
  await registerStudent(page, email);

  await e2eDatabase((db) => db.query(`UPDATE "User" SET role = 'ADMIN' WHERE email = $1`, [email]));
  await page.goto("/en/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();

  await e2eDatabase((db) => db.query(`UPDATE "User" SET role = 'STUDENT', disabled = true WHERE email = $1`, [email]));
  await page.goto("/en/dossier");
  await expect(page).toHaveURL(/\/en\/login/);
  await signIn(page, email, studentPassword);
  await expect(formAlert(page)).toHaveText("Invalid e-mail or password.");
});

test("sign-in answers the same for an unknown e-mail and a wrong password, then slows down", async ({ page }) => {
  const email = uniqueEmail("slow");
  await registerStudent(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, uniqueEmail("unknown"), studentPassword);
  await expect(formAlert(page)).toHaveText("Invalid e-mail or password.");
  for (let attempt = 0; attempt < 6; attempt++) {
    await signIn(page, email, "not the right passphrase");
    await expect(formAlert(page)).toHaveText("Invalid e-mail or password.");
  }
  await signIn(page, email, studentPassword);
  await expect(formAlert(page)).toHaveText(/Too many failed attempts\. Please wait 1 minute before trying again\./);
  await expect(page.getByLabel("E-mail address")).toHaveValue(email);
});
