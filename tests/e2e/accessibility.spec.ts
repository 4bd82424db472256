import { expect, test } from "@playwright/test";
import { demoAccounts, demoPassword, expectAccessible, signInAs } from "./support";

for (const locale of ["fr", "en"] as const) {
  for (const path of ["", "/login", "/register", "/no-such-page"]) {
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
  await expect(page).toHaveURL(/\/en\/dossier$/);
});
