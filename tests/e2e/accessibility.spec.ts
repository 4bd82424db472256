import { expect, test } from "@playwright/test";
import { demoAccounts, demoPassword, expectAccessible, registerStudent, signInAs, uniqueEmail } from "./support";

for (const locale of ["fr", "en"] as const) {
  for (const path of ["", "/login", "/register", "/register/amu", "/no-such-page"]) {
    test(`axe: /${locale}${path} has no WCAG 2.1 A/AA violation`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      await expectAccessible(page);
    });
  }

  for (const [account, path] of [
    [demoAccounts.student, "/dossier"],
    ...["identity", "home", "study", "languages", "housing", "documents", "submit"].map(
      (step) => [demoAccounts.student, `/apply/${step}`] as const,
    ),
    [demoAccounts.sciences, "/review"],
    [demoAccounts.sciences, "/review/housing"],
    [demoAccounts.admin, "/review/housing/rounds"],
    [demoAccounts.student, "/dossier/housing"],
    [demoAccounts.student, "/dossier/arrival"],
    [demoAccounts.student, "/dossier/welcome-desk"],
    [demoAccounts.sciences, "/review/arrivals"],
    [demoAccounts.admin, "/admin"],
    [demoAccounts.admin, "/admin/outbox"],
    [demoAccounts.admin, "/admin/audit"],
    // The mobility grant (issue 19).
    [demoAccounts.amuStudent, "/ami"],
    [demoAccounts.amuStudent, "/ami/new"],
    [demoAccounts.admin, "/admin/ami"],
  ] as const) {
    test(`axe: /${locale}${path} (signed in as ${account.role.toLowerCase()}) has no violation`, async ({ page }) => {
      await signInAs(page, account.email, demoPassword, locale);
      await page.goto(`/${locale}${path}`);
      await expect(page.locator("h1")).toBeVisible();
      await expectAccessible(page);
    });
  }
}

test("the register form works with the keyboard alone", async ({ page }) => {
  await page.goto("/en/register");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  // From the main landmark, Tab reaches the first field.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Full name")).toBeFocused();
  await page.keyboard.type("Keyboard User");
  await page.keyboard.press("Tab");
  await page.keyboard.type(`keyboard-${Date.now()}@example.org`);
  await page.keyboard.press("Tab");
  await page.keyboard.type("a passphrase long enough");
  await page.keyboard.press("Tab");
  await page.keyboard.type("a passphrase long enough");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
});

test("the application form with the keyboard: focus follows each answer, and typed data is never dropped silently (issue 21)", async ({
  page,
}) => {
  await registerStudent(page, uniqueEmail("keys"), "Kim Keyboard");
  await page.goto("/en/apply/identity");

  // A refusal: the error summary takes focus, so the next Tab reaches the fields in error.
  await page.getByRole("button", { name: "Save and continue" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.getByRole("main").getByRole("alert").filter({ hasText: "Some fields need your attention." });
  await expect(summary).toBeFocused();

  // A save: the next step opens with focus on its heading, not at the top of the page.
  await page.getByLabel("First name(s)").fill("Kim");
  await page.getByLabel("Last name", { exact: true }).fill("Keyboard");
  await page.getByLabel("Date of birth").fill("2003-05-14");
  await page.getByLabel("Nationality").selectOption({ label: "Germany" });
  await page.getByLabel("Phone").fill("+49 721 608 0");
  await page.getByLabel("Address (street and number)").fill("Kaiserstraße 12");
  await page.getByLabel("City").fill("Karlsruhe");
  await page.getByLabel("Country of residence").selectOption({ label: "Germany" });
  await page.getByRole("button", { name: "Save and continue" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/en\/apply\/home$/);
  await expect(page.getByRole("heading", { level: 2, name: "Home university" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator("main form :focus")).toHaveCount(1);

  // Typed and not saved: switching language asks first; declining keeps the page and the text.
  await page.getByLabel("Coordinator's name").fill("Dr. Weber");
  const language = page.getByRole("link", { name: "Afficher cette page en français" });
  const declined = page.waitForEvent("dialog").then(async (dialog) => {
    expect(dialog.message()).toBe("What you typed on this step is not saved yet. Leave without saving it?");
    await dialog.dismiss();
  });
  await language.focus();
  await page.keyboard.press("Enter");
  await declined;
  await expect(page).toHaveURL(/\/en\/apply\/home$/);
  await expect(page.getByLabel("Coordinator's name")).toHaveValue("Dr. Weber");
  // The same for another step's button; accepting leaves.
  page.once("dialog", (dialog) => void dialog.accept());
  await page
    .getByRole("navigation", { name: "Steps of the application" })
    .getByRole("link", { name: /^1\. Identity/ })
    .click();
  await expect(page).toHaveURL(/\/en\/apply\/identity$/);
  await expect(page.getByLabel("First name(s)")).toHaveValue("Kim");
});
