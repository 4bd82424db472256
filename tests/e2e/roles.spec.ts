import { expect, test } from "@playwright/test";
import { demoAccounts, demoPassword, fillSignIn, registerStudent, signIn, uniqueEmail } from "./support";

const landing = [
  ["student", demoAccounts.student.email, /\/en\/dossier$/, "My application"],
  ["correspondent", demoAccounts.sciences.email, /\/en\/review$/, "Dossiers to review"],
  ["admin", demoAccounts.admin.email, /\/en\/admin$/, "Administration"],
] as const;

for (const [role, email, url, heading] of landing) {
  test(`the demo ${role} signs in and lands on their page, with their link in the header`, async ({ page }) => {
    await signIn(page, email, demoPassword);
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(
      nav.getByRole("link", {
        name: { student: "My application", correspondent: "Dossiers", admin: "Administration" }[role],
      }),
    ).toBeVisible();
  });
}

test("a student cannot open the review or administration pages", async ({ page }) => {
  await registerStudent(page, uniqueEmail("nosy"));
  for (const path of ["/en/review", "/en/admin", "/en/admin/outbox"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
});

test("an anonymous visitor is sent to sign in, then back to the page asked for", async ({ page }) => {
  await page.goto("/en/review");
  await expect(page).toHaveURL(/\/en\/login\?callbackUrl=%2Fen%2Freview$/);
  await fillSignIn(page, demoAccounts.law.email, demoPassword);
  await expect(page).toHaveURL(/\/en\/review$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dossiers to review" })).toBeVisible();
});
