/**
 * The international mobility grant (issue 19) in the browser, in both languages: the office sets
 * a year's figures; an AMU student registers with a university address, applies, uploads the
 * award letter and submits; the office grants; the student sees the amount and the monthly
 * schedule, and gets the e-mail in their language. Then a stay of 11 months keeps what was
 * typed and says why, and an ineligible application is explained. Axe on every new page.
 */

import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { readOutbox } from "../../lib/mail/outbox.ts";
import {
  demoAccounts,
  demoPassword,
  expectAccessible,
  formAlert,
  linkInMail,
  signInAs,
  studentPassword,
} from "./support";

const copy = {
  en: {
    register: ["Full name", "E-mail address", "Password", "Confirm the password"],
    createAccount: "Create my account",
    sent: "Check your inbox",
    confirm: "Confirm my e-mail address",
    academicYear: "Academic year (the year it starts in)",
    monthlyRate: "Monthly rate in euros",
    ratesSaved: "The figures are saved.",
    newApplication: "New application",
    kind: ["Kind of mobility", "Studies"],
    host: "Host institution or organisation",
    country: ["Country", "Austria"],
    start: "Start date",
    end: "End date",
    curriculum: "This stay is part of my curriculum",
    referent: "Referent teacher",
    grantStatus: ["Grant status", "Social-criteria grant", "Neither"],
    grantLevel: "Grant level (échelon)",
    birthDate: "Date of birth",
    saveDraft: "Save the draft",
    draftSaved: "Your draft is saved.",
    awardLetter: "Award letter of your grant",
    upload: "Upload: Award letter of your grant",
    uploaded: "award.pdf is uploaded.",
    submit: "Submit to the international office",
    submitted: "Your application is submitted to the international office.",
    grant: "Grant",
    record: "Record the decision",
    decided: "The decision is recorded and the student is told by e-mail.",
    grantedOffice: /Granted: €2,000\.00/,
    grantedStudent: /You are granted €2,000\.00 over 5 months/,
    schedule: "Payment schedule",
    mailSubject: "Your international mobility grant is granted",
    tooLong: "The stay must last from 1 to 10 consecutive months; these dates span 11 whole months and 0 days.",
    notGrantHolder: "The mobility grant is for students who hold a social-criteria grant or the annual allowance.",
  },
  fr: {
    register: ["Nom complet", "Adresse e-mail", "Mot de passe", "Confirmer le mot de passe"],
    createAccount: "Créer mon compte",
    sent: "Consultez votre boîte de réception",
    confirm: "Confirmer mon adresse e-mail",
    academicYear: "Année universitaire (l'année où elle commence)",
    monthlyRate: "Taux mensuel en euros",
    ratesSaved: "Les montants sont enregistrés.",
    newApplication: "Nouvelle demande",
    kind: ["Type de mobilité", "Études"],
    host: "Établissement ou organisme d'accueil",
    country: ["Pays", "Autriche"],
    start: "Date de début",
    end: "Date de fin",
    curriculum: "Ce séjour s'inscrit dans mon cursus",
    referent: "Enseignant·e référent·e",
    grantStatus: ["Statut de bourse", "Bourse sur critères sociaux", "Ni l'une ni l'autre"],
    grantLevel: "Échelon de bourse",
    birthDate: "Date de naissance",
    saveDraft: "Enregistrer le brouillon",
    draftSaved: "Votre brouillon est enregistré.",
    awardLetter: "Avis d'attribution de votre bourse",
    upload: "Déposer : Avis d'attribution de votre bourse",
    uploaded: "award.pdf est déposé.",
    submit: "Déposer auprès du service des relations internationales",
    submitted: "Votre demande est déposée auprès du service des relations internationales.",
    grant: "Accorder",
    record: "Enregistrer la décision",
    decided: "La décision est enregistrée et l'étudiant·e est prévenu·e par courriel.",
    grantedOffice: /Accordé : 2\s000,00\s€/,
    grantedStudent: /Il vous est accordé 2\s000,00\s€ sur 5 mois/,
    schedule: "Échéancier des versements",
    mailSubject: "Votre aide à la mobilité internationale est accordée",
    tooLong: "Le séjour doit durer de 1 à 10 mois consécutifs ; ces dates couvrent 11 mois entiers et 0 jours.",
    notGrantHolder:
      "L'aide à la mobilité est réservée aux boursier·es sur critères sociaux ou aux bénéficiaires de l'allocation annuelle.",
  },
} as const;

type Locale = keyof typeof copy;

/** Registers at /register/amu with a university address, confirms it from the mail, signs in. */
async function registerAmuStudent(page: Page, locale: Locale, email: string, name: string) {
  const l = copy[locale];
  await page.goto(`/${locale}/register/amu`);
  await expectAccessible(page);
  await page.getByLabel(l.register[0]).fill(name);
  await page.getByLabel(l.register[1]).fill(email);
  await page.getByLabel(l.register[2], { exact: true }).fill(studentPassword);
  await page.getByLabel(l.register[3]).fill(studentPassword);
  await page.getByRole("button", { name: l.createAccount }).click();
  await expect(page.getByRole("heading", { level: 1, name: l.sent })).toBeVisible({ timeout: 20_000 });
  await page.goto(await linkInMail(email, "/confirm-email"));
  await page.getByRole("button", { name: l.confirm }).click();
  await signInAs(page, email, studentPassword, locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/ami$`));
}

/** The application form, as the student fills it. */
async function fillApplication(
  page: Page,
  locale: Locale,
  stay: { start: string; end: string; grant: "holder" | "none" },
) {
  const l = copy[locale];
  await page.getByLabel(l.kind[0]).selectOption({ label: l.kind[1] });
  await page.getByLabel(l.host).fill("Universität Wien");
  await page.getByLabel(l.country[0]).selectOption({ label: l.country[1] });
  await page.getByLabel(l.start).fill(stay.start);
  await page.getByLabel(l.end).fill(stay.end);
  await page.getByLabel(l.curriculum).check();
  await page.getByLabel(l.referent).fill("Prof. Martin");
  await page
    .getByLabel(l.grantStatus[0])
    .selectOption({ label: stay.grant === "holder" ? l.grantStatus[1] : l.grantStatus[2] });
  if (stay.grant === "holder") await page.getByLabel(l.grantLevel).selectOption({ label: "4" });
  await page.getByLabel(l.birthDate).fill("2005-03-10");
}

for (const locale of ["en", "fr"] as const) {
  test(`${locale}: a student applies, the office grants, the student sees the amount and the schedule; an ineligible case is explained`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const l = copy[locale];
    const tag = randomBytes(4).toString("hex");
    const name = `Ami Student ${tag}`;
    const email = `ami-${tag}@etu.univ-amu.fr`;

    // The office sets 2027-2028's figures (only 2024-2025 is seeded): 400 € a month.
    const office = await (await browser.newContext()).newPage();
    await signInAs(office, demoAccounts.admin.email, demoPassword, locale);
    await office.goto(`/${locale}/admin/ami`);
    await expectAccessible(office);
    await office.getByLabel(l.academicYear).fill("2027");
    await office.getByLabel(l.monthlyRate, { exact: true }).fill("400");
    await office
      .getByRole("button", { name: locale === "en" ? "Save" : "Enregistrer" })
      .last()
      .click();
    await expect(office.getByRole("status").filter({ hasText: l.ratesSaved })).toBeVisible();

    // The student applies for 1 September 2027 → 31 January 2028: 5 months, well ahead.
    const student = await (await browser.newContext()).newPage();
    await registerAmuStudent(student, locale, email, name);
    await expectAccessible(student);
    await student.getByRole("link", { name: l.newApplication }).click();
    await expectAccessible(student);
    await fillApplication(student, locale, { start: "2027-09-01", end: "2028-01-31", grant: "holder" });
    await student.getByRole("button", { name: l.saveDraft }).click();
    await expect(student.getByRole("status").filter({ hasText: l.draftSaved })).toBeVisible();
    await expectAccessible(student);
    await student.getByLabel(l.awardLetter).setInputFiles({
      name: "award.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
    });
    await student.getByRole("button", { name: l.upload }).click();
    await expect(student.getByRole("status").filter({ hasText: l.uploaded })).toBeVisible();
    await student.getByRole("button", { name: l.submit }).click();
    await expect(student.getByRole("status").filter({ hasText: l.submitted })).toBeVisible();

    // The office reads the checks and grants the computed amount.
    await office.goto(`/${locale}/admin/ami`);
    await office.getByRole("link", { name }).first().click();
    await expectAccessible(office);
    await office.getByRole("radio", { name: l.grant, exact: true }).check();
    await office.getByRole("button", { name: l.record }).click();
    await expect(office.getByRole("status").filter({ hasText: l.decided })).toBeVisible();
    await expect(office.getByText(l.grantedOffice)).toBeVisible();

    // The student sees the amount and one payment a month, and has the e-mail in their language.
    await student.reload();
    await expect(student.getByText(l.grantedStudent)).toBeVisible();
    await expect(student.getByRole("table", { name: l.schedule }).getByRole("row")).toHaveCount(6);
    await expectAccessible(student);
    await expect
      .poll(async () =>
        (await readOutbox(path.resolve(".data/e2e-mail"), 20, { to: email })).map((mail) => mail.subject),
      )
      .toContain(l.mailSubject);

    // A stay of 11 months: the form says why on the end date and keeps what was typed.
    await student.goto(`/${locale}/ami/new`);
    await fillApplication(student, locale, { start: "2028-09-01", end: "2029-07-31", grant: "none" });
    await student.getByRole("button", { name: l.saveDraft }).click();
    await expect(student.getByText(l.tooLong).first()).toBeVisible();
    await expect(student.getByLabel(l.host)).toHaveValue("Universität Wien");
    await expect(student.getByLabel(l.end)).toHaveValue("2029-07-31");
    await expectAccessible(student);

    // Two months instead, but without a grant: saved, and the submission explains the refusal.
    await student.getByLabel(l.end).fill("2028-10-31");
    await student.getByRole("button", { name: l.saveDraft }).click();
    await expect(student.getByRole("status").filter({ hasText: l.draftSaved })).toBeVisible();
    await student.getByRole("button", { name: l.submit }).click();
    await expect(formAlert(student).filter({ hasText: l.notGrantHolder })).toBeVisible();
  });
}

test("an AMU student lands on the grant's page and opens none of the incoming or staff pages; an incoming student none of the grant's", async ({
  browser,
}) => {
  const amu = await (await browser.newContext()).newPage();
  await signInAs(amu, demoAccounts.amuStudent.email, demoPassword);
  await expect(amu).toHaveURL(/\/en\/ami$/);
  await expect(amu.getByRole("heading", { level: 1, name: "My international mobility grant" })).toBeVisible();
  await expect(
    amu.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My mobility grant" }),
  ).toBeVisible();
  for (const path of ["/en/dossier", "/en/apply", "/en/review", "/en/admin/ami"]) {
    expect((await amu.goto(path))?.status(), path).toBe(404);
  }
  const incoming = await (await browser.newContext()).newPage();
  await signInAs(incoming, demoAccounts.student.email, demoPassword);
  for (const path of ["/en/ami", "/en/ami/new", "/en/admin/ami"]) {
    expect((await incoming.goto(path))?.status(), path).toBe(404);
  }
});
