import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { demoAccounts, demoPassword, e2eDatabase, expectAccessible, signInAs } from "./support";

/**
 * The partners' nominations as staff read them (issue 14): the sciences correspondent's list,
 * filtered, downloaded as a workbook and read back; axe in both languages.
 */
async function nominateInSciences(studentName: string) {
  await e2eDatabase(async (client) => {
    const ids = await client.query<{ componentId: string; userId: string; partnerId: string }>(
      `SELECT cc."A" AS "componentId", u.id AS "userId", (SELECT id FROM "PartnerInstitution" ORDER BY name LIMIT 1) AS "partnerId"
       FROM "_ComponentCorrespondents" cc JOIN "User" u ON u.id = cc."B" WHERE u.email = $1 LIMIT 1`,
      [demoAccounts.sciences.email],
    );
    const { componentId, userId, partnerId } = ids.rows[0]!;
    const email = `nominee-${randomBytes(5).toString("hex")}@example.org`;
    const student = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'not-used', now()) RETURNING id`,
      [email, studentName],
    );
    await client.query(
      `INSERT INTO "Nomination" (id, source, "partnerId", "studentName", email, "componentId", "studyLevel", period,
         "academicYear", "homeCoordinatorName", "studentId", "createdById")
       VALUES (gen_random_uuid(), 'CSV', $1, $2, $3, $4, 'MASTER', 'S2', 2026, 'Coordinator', $5, $6)`,
      [partnerId, studentName, email, componentId, student.rows[0]!.id, userId],
    );
  });
}

for (const locale of ["en", "fr"] as const) {
  const text = {
    en: {
      title: "Nominations",
      period: "Period",
      semester: "Semester 2 (spring)",
      apply: "Apply the filters",
      xlsx: "Excel workbook (.xlsx)",
      student: "Student",
    },
    fr: {
      title: "Nominations",
      period: "Période",
      semester: "Semestre 2 (printemps)",
      apply: "Appliquer les filtres",
      xlsx: "Classeur Excel (.xlsx)",
      student: "Étudiant",
    },
  }[locale];

  test(`${locale}: the nominations of the correspondent's faculty, filtered and downloaded`, async ({ page }) => {
    test.setTimeout(120_000);
    const name = `Zoë Nominée ${randomBytes(3).toString("hex")}`;
    await nominateInSciences(name);
    await signInAs(page, demoAccounts.sciences.email, demoPassword, locale);
    await page.goto(`/${locale}/review/nominations`);
    await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();
    await page.getByLabel(text.period).selectOption({ label: text.semester });
    await page.getByRole("button", { name: text.apply }).click();
    await expect(page.getByRole("cell", { name: new RegExp(name) })).toBeVisible();
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: text.xlsx }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf(text.student);
    expect(column).toBeGreaterThanOrEqual(0);
    const names = [];
    for (let index = 2; index <= sheet.rowCount; index++)
      names.push((sheet.getRow(index).values as unknown[])[column + 1]);
    expect(names).toContain(name);
  });
}
