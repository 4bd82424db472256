/**
 * The agreement registry (issue 17): an administrator edits an agreement's status, signing
 * date, EQF levels, periods, ISCED-F codes and language levels through the form by their
 * labels, sees a refusal keep what was typed, attaches the signed PDF (a renamed text file is
 * refused), and reads the history; axe on the changed pages in French and English.
 */
import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { axeViolations, demoAccounts, demoPassword, e2eDatabase, signIn } from "./support";

async function signInAsAdmin(page: Page, locale: "en" | "fr" = "en") {
  await signIn(page, demoAccounts.admin.email, demoPassword, locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`));
}

/** A partner and an agreement of their own, as typed before the registry's fields existed. */
async function freshAgreement(): Promise<string> {
  const name = `Registry University ${randomBytes(3).toString("hex")}`;
  return e2eDatabase(async (client) => {
    const partner = await client.query<{ id: string }>(
      `INSERT INTO "PartnerInstitution" (id, name, country, city) VALUES (gen_random_uuid(), $1, 'IT', 'Bologna') RETURNING id`,
      [name],
    );
    const agreement = await client.query<{ id: string }>(
      `INSERT INTO "Agreement" (id, "partnerId", kind, "studyLevels", "firstAcademicYear", "lastAcademicYear", "incomingSeatsPerYear", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'BILATERAL', '{MASTER}', 2025, 2028, 2, now()) RETURNING id`,
      [partner.rows[0]!.id],
    );
    const component = await client.query<{ id: string }>(`SELECT id FROM "Component" ORDER BY code LIMIT 1`);
    await client.query(`INSERT INTO "_AgreementToComponent" ("A", "B") VALUES ($1, $2)`, [
      agreement.rows[0]!.id,
      component.rows[0]!.id,
    ]);
    return agreement.rows[0]!.id;
  });
}

const upload = (name: string, text: string, mimeType: string) => ({ name, mimeType, buffer: Buffer.from(text) });

test("an administrator edits an agreement's registry fields, attaches its signed PDF and reads the history", async ({
  page,
}) => {
  const id = await freshAgreement();
  await signInAsAdmin(page);
  await page.goto(`/en/admin/agreements/${id}`);

  // A refusal keeps everything typed, and says which field is wrong.
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Terminated" });
  await page.getByLabel("Signing date (optional)").fill("2025-03-14");
  await page.getByLabel("EQF level 7").check();
  await page.getByLabel("Semester 1 (autumn)").check();
  await page.getByLabel("ISCED-F subject codes (optional)").fill("31");
  await page.getByLabel("Recommended language levels (optional)").fill("fr:B2, en:B1");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter four-digit ISCED-F codes separated by commas")).toBeVisible();
  await expect(page.getByLabel("ISCED-F subject codes (optional)")).toHaveValue("31");
  await expect(page.getByLabel("Recommended language levels (optional)")).toHaveValue("fr:B2, en:B1");
  await expect(page.getByLabel("EQF level 7")).toBeChecked();
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("TERMINATED");

  await page.getByLabel("ISCED-F subject codes (optional)").fill("0314, 0421");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/agreements\?done=saved$/);

  await page.goto(`/en/admin/agreements/${id}`);
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("TERMINATED");
  await expect(page.getByLabel("Signing date (optional)")).toHaveValue("2025-03-14");
  await expect(page.getByLabel("EQF level 7")).toBeChecked();
  await expect(page.getByLabel("EQF level 6")).not.toBeChecked();
  await expect(page.getByLabel("Semester 1 (autumn)")).toBeChecked();
  await expect(page.getByLabel("ISCED-F subject codes (optional)")).toHaveValue("0314, 0421");
  await expect(
    page.getByText(/Agreement changed, by .*\. Changed: status, signing date, EQF levels, periods/),
  ).toBeVisible();

  // The signed PDF: recognised by content, so a text file named .pdf is refused.
  await expect(page.getByText("No signed agreement is attached yet.")).toBeVisible();
  await page.getByLabel("Signed agreement (PDF)").setInputFiles(upload("accord.pdf", "not a pdf", "application/pdf"));
  await page.getByRole("button", { name: "Attach the PDF" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "is not a PDF file" })).toBeVisible();
  await page
    .getByLabel("Signed agreement (PDF)")
    .setInputFiles(upload("accord.pdf", "%PDF-1.4\nsigned\n%%EOF\n", "application/pdf"));
  await page.getByRole("button", { name: "Attach the PDF" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The signed agreement is attached." })).toBeVisible();
  const download = page.getByRole("link", { name: /Download the signed agreement: accord\.pdf/ });
  await expect(download).toBeVisible();
  await expect(page.getByText(/Signed agreement \(PDF\) attached, by/)).toBeVisible();
  const response = await page.request.get(`/api/agreements/${id}/signed-pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
});

for (const locale of ["en", "fr"] as const) {
  test(`axe: the agreement form, new and edited (with its history and signed PDF), in ${locale}`, async ({ page }) => {
    const id = await freshAgreement();
    await signInAsAdmin(page, locale);
    await page.goto(`/${locale}/admin/agreements/new`);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`/${locale}/admin/agreements/${id}`);
    await page.getByRole("button", { name: locale === "fr" ? "Enregistrer" : "Save" }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/admin/agreements\\?done=saved$`));
    await page.goto(`/${locale}/admin/agreements/${id}`);
    await expect(
      page.getByRole("heading", {
        level: 2,
        name: locale === "fr" ? "Historique des modifications" : "History of changes",
      }),
    ).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
