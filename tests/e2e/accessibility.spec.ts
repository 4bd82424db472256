import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoAccounts, demoPassword, signInAs } from "./support";

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

for (const locale of ["fr", "en"] as const) {
  for (const path of ["", "/login", "/register", "/no-such-page"]) {
    test(`axe: /${locale}${path} has no WCAG 2.1 A/AA violation`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      await expectNoViolations(page);
    });
  }

  for (const [account, path] of [
    [demoAccounts.student, "/dossier"],
    ...["identity", "home", "study", "languages", "housing", "documents", "submit"].map((step) => [demoAccounts.student, `/apply/${step}`] as const),
    [demoAccounts.sciences, "/review"],
    [demoAccounts.sciences, "/review/housing"],
    [demoAccounts.sciences, "/review/housing/rounds"],
    [demoAccounts.student, "/dossier/housing"],
    [demoAccounts.admin, "/admin"],
    [demoAccounts.admin, "/admin/outbox"],
  ] as const) {
    test(`axe: /${locale}${path} (signed in as ${account.role.toLowerCase()}) has no violation`, async ({ page }) => {
      await signInAs(page, account.email, demoPassword, locale);
      await page.goto(`/${locale}${path}`);
      await expect(page.locator("h1")).toBeVisible();
      await expectNoViolations(page);
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
