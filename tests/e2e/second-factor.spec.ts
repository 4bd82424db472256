import path from "node:path";
import { hash } from "@node-rs/argon2";
import { expect, type Page, test } from "@playwright/test";
import { argon2Options } from "../../lib/auth/argon2-options.ts";
import { base32Decode, timeStep, totpCode } from "../../lib/auth/second-factor/rules.ts";
import { readOutbox } from "../../lib/mail/outbox.ts";
import {
  demoAccounts,
  demoPassword,
  e2eDatabase,
  expectAccessible,
  fillSignIn,
  formAlert,
  signInAs,
  uniqueEmail,
} from "./support";

// Issue 12 (R-MFA-1…5): a correspondent enrols an authenticator on their account page, then
// every sign-in with the password asks for its code, computed here as an app would. The suite
// runs with SECOND_FACTOR=optional (playwright.config.ts): an enrolled account is asked anyway.

const password = "a correspondent's long passphrase";

async function createCorrespondent(email: string) {
  const passwordHash = await hash(password, argon2Options);
  await e2eDatabase((db) =>
    db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, locale, "emailVerifiedAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Second Factor', $2, 'CORRESPONDENT', 'en', now(), now())`,
      [email, passwordHash],
    ),
  );
}

/** The code an authenticator app shows `offset` steps from now. */
const codeFor = (secret: Uint8Array, offset = 0) => totpCode(secret, timeStep(new Date()) + offset);

/** The code's field (the enrolment's section is named after the code too: the role says which). */
const codeField = (page: Page) => page.getByRole("textbox", { name: "Code", exact: true });

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).not.toHaveURL(/\/review/);
}

async function passwordStep(page: Page, email: string, locale: "en" | "fr" = "en") {
  await page.goto(`/${locale}/login`);
  await fillSignIn(page, email, password, locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/login/second-factor`));
}

test("enrolment by QR code and secret, sign-in with a computed code, a recovery code once", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("mfa-correspondent");
  await createCorrespondent(email);
  await page.goto("/en/login");
  await fillSignIn(page, email, password);
  await expect(page).toHaveURL(/\/en\/review/);

  // Enrolment on the account page.
  await page.goto("/en/account");
  await page.getByRole("link", { name: "Manage the second factor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Second factor" })).toBeVisible();
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  await expectAccessible(page);
  const secretText = await page.getByText(/^Secret key:/).textContent();
  const secret = base32Decode(secretText!.replace("Secret key:", ""));
  // A wrong first code keeps what was typed and explains.
  const wrong = String((Number(codeFor(secret)) + 500_000) % 1_000_000).padStart(6, "0");
  await codeField(page).fill(wrong);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(formAlert(page)).toContainText("This code is not right");
  await expect(codeField(page)).toHaveValue(wrong);
  const firstCode = codeFor(secret);
  await codeField(page).fill(firstCode);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  const recoveryCodes = await page
    .getByRole("listitem")
    .filter({ hasText: /^[a-z2-9]{5}-[a-z2-9]{5}$/ })
    .allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page.getByText(/Switched on since .*Recovery codes left: 10\./)).toBeVisible();
  await signOut(page);

  // The password alone no longer opens the queue.
  await passwordStep(page, email);
  await expectAccessible(page);
  await page.goto("/en/review");
  await expect(page).toHaveURL(/\/en\/login\?callbackUrl=/);
  await page.goto("/en/login/second-factor");
  // The enrolment's code was spent (R-MFA-2); the app's next one opens the portal.
  await codeField(page).fill(firstCode);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(formAlert(page)).toContainText(/already been used|not right/);
  await codeField(page).fill(codeFor(secret, 1));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/en\/review/);
  await signOut(page);

  // A recovery code works once (R-MFA-3), in French too.
  await passwordStep(page, email, "fr");
  await expectAccessible(page);
  await codeField(page).fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page).toHaveURL(/\/fr\/review/);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await passwordStep(page, email, "fr");
  await codeField(page).fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(formAlert(page)).toContainText("Ce code de secours a déjà été utilisé");
  await expect(page).toHaveURL(/\/fr\/login\/second-factor/);
  const refusals = await e2eDatabase(async (db) => {
    const { rows } = await db.query(
      `SELECT a.after->>'reason' AS reason FROM "AuditEvent" a JOIN "User" u ON u.id = a."entityId"::uuid
       WHERE u.email = $1 AND a.action = 'secondFactor.refused' ORDER BY a.id`,
      [email],
    );
    return rows.map((row) => row.reason as string);
  });
  expect(refusals.at(-1)).toBe("recoveryUsed");
});

test("R-MFA-6: an administrator resets a correspondent's second factor; the person is e-mailed", async ({ page }) => {
  const email = uniqueEmail("mfa-reset");
  await createCorrespondent(email);
  const userId = await e2eDatabase(async (db) => {
    const { rows } = await db.query(`SELECT id FROM "User" WHERE email = $1`, [email]);
    // An enrolled factor as the admin page sees it (the secret itself does not matter here).
    await db.query(
      `INSERT INTO "SecondFactor" ("userId", "secretSealed", "confirmedAt") VALUES ($1, 'v1.not.a.secret', now())`,
      [rows[0].id],
    );
    return rows[0].id as string;
  });
  await signInAs(page, demoAccounts.admin.email, demoPassword);
  await page.goto(`/en/admin/users/${userId}`);
  await expect(page.getByText(/An authenticator app is set up since/)).toBeVisible();
  await expectAccessible(page);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Reset the second factor" }).click();
  await expect(page.getByText("The second factor was reset and the person was told by e-mail.")).toBeVisible();
  await expect(page.getByText("No authenticator app is set up.")).toBeVisible();
  await expect
    .poll(async () => (await readOutbox(path.resolve(".data/e2e-mail"), 5, { to: email })).map((mail) => mail.subject))
    .toContain("Your second factor was reset");
});

test("the account page's second factor passes axe in French, before and during enrolment", async ({ page }) => {
  const email = uniqueEmail("mfa-fr");
  await createCorrespondent(email);
  await page.goto("/fr/login");
  await fillSignIn(page, email, password, "fr");
  await expect(page).toHaveURL(/\/fr\/review/);
  await page.goto("/fr/account/second-factor");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Configurer une application d'authentification" }).click();
  await expect(
    page.getByRole("img", { name: "QR code à scanner avec votre application d'authentification" }),
  ).toBeVisible();
  await expectAccessible(page);
});
