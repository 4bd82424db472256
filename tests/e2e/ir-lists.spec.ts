import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { arrangeDossiers } from "./ir-lists-support";
import { demoAccounts, demoPassword, expectAccessible, signInAs } from "./support";

/**
 * The IR office's lists (issue 14): search without accents, the queue exported and read back,
 * bulk start-review, the statistics with their tables, the group e-mail's preview; in English
 * and in French, axe on every page.
 */

const tag = () => randomBytes(3).toString("hex");

async function reviewer(page: Page, locale: "en" | "fr") {
  await signInAs(page, demoAccounts.sciences.email, demoPassword, locale);
}

async function readWorkbook(page: Page, linkName: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkName }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const rows = [];
  for (let index = 2; index <= sheet.rowCount; index++) rows.push((sheet.getRow(index).values as unknown[]).slice(1));
  return { header, rows };
}

test("English: a name typed without accents is found, the queue's workbook is read back", async ({ page }) => {
  test.setTimeout(120_000);
  const lastName = `Lefèvre${tag()}`;
  await arrangeDossiers([{ firstName: "Zoé", lastName }]);
  await reviewer(page, "en");
  await page.goto("/en/review");
  await page.getByLabel("Search by name, e-mail or home university").fill(`zoe ${lastName.replace("è", "e")}`);
  await page.getByRole("button", { name: "Apply the filters" }).click();
  await expect(page.getByRole("link", { name: new RegExp(`${lastName.toUpperCase()} Zoé`) })).toBeVisible();
  await expectAccessible(page);

  const { header, rows } = await readWorkbook(page, "Excel workbook (.xlsx)");
  expect(header).toEqual(expect.arrayContaining(["Last name", "First name", "Home university", "Submitted"]));
  expect(rows).toHaveLength(1);
  expect(rows[0]![header.indexOf("First name")]).toBe("Zoé");
  expect(rows[0]![header.indexOf("Last name")]).toBe(lastName);
  expect(rows[0]![header.indexOf("Submitted")]).toBeInstanceOf(Date);
});

test("French: CSV with semicolons and French headers, workbook in French", async ({ page }) => {
  test.setTimeout(120_000);
  const lastName = `Nguyễn${tag()}`;
  await arrangeDossiers([{ firstName: "Chloé", lastName }]);
  await reviewer(page, "fr");
  await page.goto(`/fr/review?q=${encodeURIComponent(lastName.toLowerCase().replace("ễ", "e"))}`);
  await expect(page.getByRole("link", { name: new RegExp(lastName.toUpperCase()) })).toBeVisible();
  await expectAccessible(page);

  const csvHref = await page.getByRole("link", { name: "Fichier CSV" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toMatch(/^.?Étudiant;Nom;Prénom;Courriel;/);
  expect(text).toContain(`;${lastName};Chloé;`);

  const { header, rows } = await readWorkbook(page, "Classeur Excel (.xlsx)");
  expect(header).toEqual(expect.arrayContaining(["Nom", "Prénom", "Université d'origine"]));
  expect(rows[0]![header.indexOf("Prénom")]).toBe("Chloé");
});

test("English: bulk start-review of the ticked dossiers", async ({ page }) => {
  test.setTimeout(120_000);
  const lastName = `Bulk${tag()}`;
  await arrangeDossiers([
    { firstName: "Ana", lastName },
    { firstName: "Ben", lastName },
  ]);
  await reviewer(page, "en");
  await page.goto(`/en/review?q=${lastName.toLowerCase()}`);
  await page.getByRole("checkbox", { name: `Select ${lastName.toUpperCase()} Ana` }).check();
  await page.getByRole("checkbox", { name: `Select ${lastName.toUpperCase()} Ben` }).check();
  await expectAccessible(page);
  await page.getByLabel("What to do").selectOption({ label: "Start the review" });
  await page.getByRole("button", { name: "Apply to the ticked dossiers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done: 2." })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Under review" })).toHaveCount(2);
});

test("French: bulk start-review of all dossiers matching the filters", async ({ page }) => {
  test.setTimeout(120_000);
  const lastName = `Lot${tag()}`;
  await arrangeDossiers([
    { firstName: "Inès", lastName },
    { firstName: "Jiří", lastName },
    { firstName: "王芳", lastName },
  ]);
  await reviewer(page, "fr");
  await page.goto(`/fr/review?q=${lastName.toLowerCase()}&status=SUBMITTED`);
  await expect(page.getByRole("row")).toHaveCount(4);
  await page.getByRole("button", { name: "Appliquer à tous les dossiers correspondant aux filtres" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Faits : 3." })).toBeVisible();
  await page.goto(`/fr/review?q=${lastName.toLowerCase()}`);
  await expect(page.getByRole("row").filter({ hasText: "En cours d'examen" })).toHaveCount(3);
});

for (const locale of ["en", "fr"] as const) {
  const text = {
    en: {
      desk: "Who is coming to the welcome desk",
      title: "Statistics",
      table: "Dossiers per status",
      mail: "Write to a group of students",
      preview: /This e-mail will go to/,
    },
    fr: {
      desk: "Qui vient au guichet d'accueil",
      title: "Statistiques",
      table: "Dossiers par statut",
      mail: "Écrire à un groupe d'étudiants",
      preview: /Ce courriel partira à/,
    },
  }[locale];

  test(`${locale}: the statistics with their tables, the group e-mail's preview, the welcome desk's attendees`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await reviewer(page, locale);
    await page.goto(`/${locale}/review/statistics`);
    await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();
    const table = page.getByRole("table", { name: text.table });
    await expect(table).toBeAttached();
    await expect(table.getByRole("row")).toHaveCount(7);
    await expectAccessible(page);

    await page.goto(`/${locale}/review/mail?status=SUBMITTED`);
    await expect(page.getByRole("heading", { level: 1, name: text.mail })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: text.preview })).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/${locale}/review/welcome-desk`);
    await expect(page.getByRole("heading", { level: 1, name: text.desk })).toBeVisible();
    await expectAccessible(page);
  });
}
