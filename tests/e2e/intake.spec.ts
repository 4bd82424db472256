/**
 * The intake season (issue 13), in both languages: an administrator opens a call and imports a
 * partner's nominations; the nominated student follows the mailed invitation and finds the
 * application pre-filled; a submission after the call's deadline is refused; a refused student
 * applies again from a copy. Axe on the new pages.
 */
import { expect, test } from "@playwright/test";
import { academicYearOf, formatAcademicYear } from "../../lib/academic-year.ts";
import { fillApplication, labels } from "./application-support";
import {
  demoAccounts,
  demoPassword,
  e2eDatabase,
  expectAccessible,
  formAlert,
  linkInMail,
  registerStudent,
  signInAs,
  uniqueEmail,
} from "./support";

const text = {
  en: {
    calls: "Calls for applications",
    openCall: "Open a new call",
    year: "Academic year",
    period: "Period",
    fullYear: "Full academic year",
    deadline: "Application deadline (Paris time)",
    save: "Save",
    nominations: "Nominations",
    csv: "Content of the file",
    check: "Check the file",
    record: "Record the 1 nomination",
    recorded: "1 nomination recorded",
    newPassword: "New password",
    confirmPassword: "Confirm the new password",
    savePassword: "Save the password",
    closed: "closed on",
    applyAgain: "Apply again",
    firstName: "First name(s)",
  },
  fr: {
    calls: "Appels à candidatures",
    openCall: "Ouvrir un nouvel appel",
    year: "Année universitaire",
    period: "Période",
    fullYear: "Année universitaire complète",
    deadline: "Date limite de candidature (heure de Paris)",
    save: "Enregistrer",
    nominations: "Nominations",
    csv: "Contenu du fichier",
    check: "Vérifier le fichier",
    record: "Enregistrer 1 nomination",
    recorded: "1 nomination enregistrée",
    newPassword: "Nouveau mot de passe",
    confirmPassword: "Confirmez le nouveau mot de passe",
    savePassword: "Enregistrer le mot de passe",
    closed: "a fermé le",
    applyAgain: "Candidater à nouveau",
    firstName: "Prénom(s)",
  },
} as const;

const thisYear = academicYearOf(new Date());
const nextYear = thisYear + 1;

for (const locale of ["en", "fr"] as const) {
  const t = text[locale];

  test(`${locale}: an administrator opens a call; the list shows it with its deadline in Paris time`, async ({
    page,
  }) => {
    await signInAs(page, demoAccounts.admin.email, demoPassword, locale);
    await page.goto(`/${locale}/admin/calls`);
    await expect(page.getByRole("heading", { level: 1, name: t.calls })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: t.openCall }).click();
    await expectAccessible(page);
    await page.getByLabel(t.year).selectOption({ label: formatAcademicYear(nextYear + 1) });
    await page.getByLabel(t.period).selectOption({ label: t.fullYear });
    await page.getByLabel(t.deadline).fill(`${nextYear + 1}-06-15T23:59`);
    await page.getByRole("button", { name: t.save }).click();
    await page.goto(`/${locale}/admin/calls`);
    const row = page.getByRole("row").filter({ hasText: formatAcademicYear(nextYear + 1) });
    await expect(row.first()).toContainText(t.fullYear);
    await expect(row.first()).toContainText(/UTC|CEST|CET|GMT/);
  });

  test(`${locale}: imported nominations invite the student, who finds the application pre-filled`, async ({
    page,
    browser,
  }) => {
    const email = uniqueEmail(`nominee-${locale}`);
    await signInAs(page, demoAccounts.admin.email, demoPassword, locale);
    await page.goto(`/${locale}/admin/nominations`);
    await expectAccessible(page);
    const csv = [
      "partner,student_name,email,component,level,period,academic_year,home_coordinator,language",
      // This year's semester 1: the demo keeps its call open (prisma/seed-calls.ts).
      `Karlsruhe Institute of Technology,Nina Nominated,${email},SCIENCES,master,S1,${formatAcademicYear(thisYear)},Dr. Weber,${locale}`,
    ].join("\n");
    await page.getByLabel(t.csv).fill(csv);
    await page.getByRole("button", { name: t.check, exact: true }).click();
    await page.getByRole("button", { name: t.record }).click();
    await expect(page.getByText(t.recorded)).toBeVisible();

    const student = await (await browser.newContext()).newPage();
    await student.goto(await linkInMail(email, "/reset-password"));
    await student.getByLabel(t.newPassword, { exact: true }).fill("a nominated passphrase 2026");
    await student.getByLabel(t.confirmPassword).fill("a nominated passphrase 2026");
    await student.getByRole("button", { name: t.savePassword }).click();
    // The password is saved once the page has moved on to signing in.
    await expect(student).toHaveURL(new RegExp(`/${locale}/login`));
    await signInAs(student, email, "a nominated passphrase 2026", locale);
    await student.goto(`/${locale}/apply/home`);
    const university = student.getByLabel(labels[locale].university);
    await expect(university.locator("option:checked")).toHaveText(/^Karlsruhe Institute of Technology/);
    await expectAccessible(student);
    await student.goto(`/${locale}/apply/study`);
    await expect(student.getByLabel(labels[locale].faculty).locator("option:checked")).toHaveText(
      labels[locale].sciences,
    );
    await expect(student.getByLabel(labels[locale].year).locator("option:checked")).toHaveText(
      formatAcademicYear(thisYear),
    );
  });

  test(`${locale}: a submission after the call's deadline is refused with the date; nothing changes`, async ({
    page,
  }) => {
    const email = uniqueEmail(`late-${locale}`);
    await registerStudent(page, email, "Zoé Late", locale);
    await fillApplication(page, locale, {
      university: /^Karlsruhe Institute of Technology/,
      lastName: `Late${locale}`,
      frenchLevel: "B2",
    });
    // The draft's call closed yesterday (arranged in the database: the shared calls stay open).
    await e2eDatabase(async (client) => {
      const { rows } = await client.query(
        `INSERT INTO "ApplicationCall" ("id", "academicYear", "period", "opensAt", "nominationDeadline", "applicationDeadline", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'S1', now() - interval '60 days', now() - interval '2 days', now() - interval '1 day', now())
         RETURNING "id"`,
        [academicYearOf(new Date())],
      );
      await client.query(
        `UPDATE "Application" SET "callId" = $1 WHERE "studentId" = (SELECT "id" FROM "User" WHERE "email" = $2)`,
        [rows[0].id, email],
      );
    });
    await page.getByRole("button", { name: labels[locale].submit }).click();
    await expect(formAlert(page)).toContainText(t.closed);
    await expect(page).toHaveURL(new RegExp(`/${locale}/apply/submit$`));
  });

  test(`${locale}: a refused student applies again from a copy of the application`, async ({ page }) => {
    const email = uniqueEmail(`again-${locale}`);
    await registerStudent(page, email, "Zoé Again", locale);
    await fillApplication(page, locale, {
      university: /^Karlsruhe Institute of Technology/,
      lastName: `Again${locale}`,
      frenchLevel: "B2",
    });
    await page.getByRole("button", { name: labels[locale].submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/dossier$`));
    // The refusal itself is the reviewers' journey (review.spec): arranged here.
    await e2eDatabase((client) =>
      client.query(
        `UPDATE "Application" SET "status" = 'REJECTED', "decidedAt" = now()
         WHERE "studentId" = (SELECT "id" FROM "User" WHERE "email" = $1)`,
        [email],
      ),
    );
    await page.reload();
    await expectAccessible(page);
    await page.getByRole("button", { name: t.applyAgain }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/apply/`));
    await page.goto(`/${locale}/apply/identity`);
    await expect(page.getByLabel(t.firstName)).toHaveValue("Zoé");
  });
}
