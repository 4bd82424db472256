/**
 * Accounts that last (issue 11), in Chromium, using only what the pages and the mails show:
 * forgot password from the sign-in page, verify the address, change the address, and axe on
 * every new page in both languages.
 */
import { expect, type Page, test } from "@playwright/test";
import {
  expectAccessible,
  fillSignIn,
  linkInMail,
  registerStudent,
  signInAs,
  studentPassword,
  uniqueEmail,
} from "./support";

const newPassword = "a brand new passphrase 2026";

test("forgot password, in English: link from the sign-in page, the mail's link, a new password, the old session ended", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("forgot");
  await registerStudent(page, email, "Farah Forgot");

  // In another browser, the student asks for a new password from the sign-in page.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/en/login");
  await other.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await expectAccessible(other);
  await other.getByLabel("E-mail address").fill(email);
  await other.getByRole("button", { name: "Send the link" }).click();
  await expect(other.getByRole("main").getByRole("status")).toContainText("If an account uses this address");

  const link = await linkInMail(email, "/reset-password");
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectAccessible(other);
  // A weak password is refused, with the reason in the user's language.
  await other.getByLabel("New password", { exact: true }).fill("password123456");
  await other.getByLabel("Confirm the new password").fill("password123456");
  await other.getByRole("button", { name: "Save the password" }).click();
  await expect(other.getByText("This password is among the most common ones")).toBeVisible();
  await other.getByLabel("New password", { exact: true }).fill(newPassword);
  await other.getByLabel("Confirm the new password").fill(newPassword);
  await other.getByRole("button", { name: "Save the password" }).click();
  await expect(other.getByRole("main").getByRole("status")).toContainText("Your password is saved");
  await fillSignIn(other, email, newPassword);
  await expect(other).toHaveURL(/\/en\/dossier$/);

  // The session opened before the reset no longer opens the dossier.
  await page.goto("/en/dossier");
  await expect(page).toHaveURL(/\/en\/login/);

  // The link worked once: opened again, it says so and offers a new one.
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
  await expect(other.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  await expectAccessible(other);
});

test("mot de passe oublié, en français : même réponse pour une adresse inconnue, lien altéré refusé", async ({
  page,
}) => {
  await page.goto("/fr/login");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expectAccessible(page);
  await page.getByLabel("Adresse e-mail").fill(uniqueEmail("inconnu"));
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Si un compte utilise cette adresse");
  await expectAccessible(page);

  await page.goto(`/fr/reset-password?token=${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien ne fonctionne plus" })).toBeVisible();
  await expectAccessible(page);
  // A control character in the link is refused before any page (R-SEC-6): a 400, never a 500.
  expect((await page.goto("/fr/confirm-email?token=%00"))!.status()).toBe(400);
});

/** Registers without following the link yet, then signs in. */
async function registerUnverified(page: Page, email: string, locale: "en" | "fr") {
  const l =
    locale === "en"
      ? ["Full name", "E-mail address", "Password", "Confirm the password", "Create my account", "Check your inbox"]
      : [
          "Nom complet",
          "Adresse e-mail",
          "Mot de passe",
          "Confirmer le mot de passe",
          "Créer mon compte",
          "Consultez votre boîte de réception",
        ];
  await page.goto(`/${locale}/register`);
  await page.getByLabel(l[0]!).fill("Vera Verify");
  await page.getByLabel(l[1]!).fill(email);
  await page.getByLabel(l[2]!, { exact: true }).fill(studentPassword);
  await page.getByLabel(l[3]!).fill(studentPassword);
  await page.getByRole("button", { name: l[4]! }).click();
  await expect(page.getByRole("heading", { level: 1, name: l[5]! })).toBeVisible();
  await expectAccessible(page);
  await signInAs(page, email, studentPassword, locale);
}

test("verify the address before submitting: the dossier says why, a new link is sent, following it lifts the block", async ({
  page,
}) => {
  const email = uniqueEmail("verify");
  await registerUnverified(page, email, "en");
  await page.goto("/en/dossier");
  await expect(page.getByText("Your e-mail address is not confirmed yet.")).toBeVisible();
  await expectAccessible(page);
  const first = await linkInMail(email, "/confirm-email");
  await page.getByRole("button", { name: "Send a new confirmation link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("A new confirmation link is on its way");
  await expectAccessible(page);

  // The first link was replaced by the new one.
  await expect.poll(() => linkInMail(email, "/confirm-email")).not.toBe(first);
  await page.goto(first);
  await expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
  await page.goto(await linkInMail(email, "/confirm-email"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my e-mail address" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("is confirmed");
  await page.getByRole("link", { name: "Go to my application" }).click();
  await expect(page).toHaveURL(/\/en\/dossier$/);
  await expect(page.getByText("Your e-mail address is not confirmed yet.")).toHaveCount(0);
});

test("changer d'adresse e-mail, en français : lien à la nouvelle adresse, avis à l'ancienne, appliqué une fois suivi", async ({
  page,
}) => {
  const email = uniqueEmail("ancienne");
  const newEmail = uniqueEmail("nouvelle");
  await registerStudent(page, email, "Chloé Change", "fr");
  await page.getByRole("link", { name: "Mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
  await expectAccessible(page);

  // A wrong current password is refused next to its field, and the new address stays typed.
  await page.getByLabel("Nouvelle adresse e-mail").fill(newEmail);
  const emailForm = page.getByRole("region", { name: "Changer d'adresse e-mail" });
  await emailForm.getByLabel("Mot de passe actuel").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Envoyer le lien de confirmation" }).click();
  await expect(emailForm.getByLabel("Mot de passe actuel")).toHaveAttribute("aria-invalid", "true");
  await expect(emailForm.getByText("Votre mot de passe actuel n'est pas correct.").first()).toBeVisible();
  await expect(page.getByLabel("Nouvelle adresse e-mail")).toHaveValue(newEmail);
  await emailForm.getByLabel("Mot de passe actuel").fill(studentPassword);
  await page.getByRole("button", { name: "Envoyer le lien de confirmation" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("un lien de confirmation est en route");
  await expect(page.getByText(`Votre adresse e-mail : ${email}`)).toBeVisible();

  await page.goto(await linkInMail(newEmail, "/confirm-email"));
  await page.getByRole("button", { name: "Confirmer mon adresse e-mail" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Votre nouvelle adresse e-mail est confirmée");
  await expectAccessible(page);
  await page.goto("/fr/account");
  await expect(page.getByText(`Votre adresse e-mail : ${newEmail}`)).toBeVisible();
});

test("change the password on My account: the current one is needed, other sessions end, this one stays", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("change");
  await registerStudent(page, email, "Paul Password");
  const other = await (await browser.newContext()).newPage();
  await signInAs(other, email, studentPassword);

  await page.goto("/en/account");
  const form = page.getByRole("region", { name: "Change the password" });
  await form.getByLabel("Current password").fill(studentPassword);
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("Confirm the new password").fill(newPassword);
  await form.getByRole("button", { name: "Change the password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your password is changed");
  await page.goto("/en/dossier");
  await expect(page).toHaveURL(/\/en\/dossier$/);
  await other.goto("/en/dossier");
  await expect(other).toHaveURL(/\/en\/login/);
});
