import { type Browser, expect, type Page } from "@playwright/test";
import { academicYearOf, formatAcademicYear } from "../../lib/academic-year.ts";
import { demoAccounts, demoPassword, registerStudent, signInAs, uniqueEmail } from "./support";

/** The labels of the application form, in both languages: the tests' only handle on the pages. */
export const labels = {
  fr: {
    start: "Commencer ma candidature",
    save: "Enregistrer et continuer",
    firstName: "Prénom(s)",
    lastName: "Nom",
    dateOfBirth: "Date de naissance",
    nationality: "Nationalité",
    phone: "Téléphone",
    address: "Adresse (rue et numéro)",
    city: "Ville",
    country: "Pays de résidence",
    university: "Université d'origine",
    coordinatorName: "Nom du coordinateur",
    coordinatorEmail: "E-mail du coordinateur",
    nominatedBy: "Nominé·e par (personne ou service)",
    nominatedOn: "Date de nomination",
    faculty: "Composante d'AMU (faculté ou école)",
    level: "Niveau d'études",
    period: "Période",
    year: "Année universitaire",
    courseTitle: "Cours 1 : intitulé",
    courseEcts: "Cours 1 : crédits ECTS",
    french: "Votre niveau de français",
    english: "Votre niveau d'anglais",
    housingYes: "Oui",
    housingCity: "Marseille",
    documents: ["Page d'identité du passeport", "Relevé de notes", "Projet de contrat d'études", "Photo"],
    continueToSubmit: "Continuer vers la dernière étape",
    submit: "Déposer ma candidature",
    resubmit: "Déposer de nouveau ma candidature",
    sciences: "Faculté des sciences",
    master: "Master",
    s1: "Semestre 1 (automne)",
    germany: "Allemagne",
  },
  en: {
    start: "Start my application",
    save: "Save and continue",
    firstName: "First name(s)",
    lastName: "Last name",
    dateOfBirth: "Date of birth",
    nationality: "Nationality",
    phone: "Phone",
    address: "Address (street and number)",
    city: "City",
    country: "Country of residence",
    university: "Home university",
    coordinatorName: "Coordinator's name",
    coordinatorEmail: "Coordinator's e-mail",
    nominatedBy: "Nominated by (person or office)",
    nominatedOn: "Nomination date",
    faculty: "AMU faculty or school",
    level: "Study level",
    period: "Period",
    year: "Academic year",
    courseTitle: "Course 1: title",
    courseEcts: "Course 1: ECTS credits",
    french: "Your level of French",
    english: "Your level of English",
    housingYes: "Yes",
    housingCity: "Marseille",
    documents: ["Passport identity page", "Transcript of records", "Learning agreement draft", "Photo"],
    continueToSubmit: "Continue to the last step",
    submit: "Submit my application",
    resubmit: "Submit my application again",
    sciences: "Faculty of Sciences",
    master: "Master",
    s1: "Semester 1 (autumn)",
    germany: "Germany",
  },
} as const;

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const png = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b30000000049454e44ae426082",
  "hex",
);

/** Fills every step of the application from the dossier page, up to the last step. */
export async function fillApplication(
  page: Page,
  locale: "fr" | "en",
  options: { university: RegExp; lastName: string; frenchLevel: string; nextYear?: boolean },
) {
  const l = labels[locale];
  await page.getByRole("link", { name: l.start }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/apply/identity$`));
  await page.getByLabel(l.firstName).fill("Zoé");
  await page.getByLabel(l.lastName, { exact: true }).fill(options.lastName);
  await page.getByLabel(l.dateOfBirth).fill("2003-05-14");
  await page.getByLabel(l.nationality).selectOption({ label: l.germany });
  await page.getByLabel(l.phone).fill("+49 721 608 0");
  await page.getByLabel(l.address).fill("Kaiserstraße 12");
  await page.getByLabel(l.city).fill("Karlsruhe");
  await page.getByLabel(l.country).selectOption({ label: l.germany });
  await page.getByRole("button", { name: l.save }).click();

  await expect(page).toHaveURL(new RegExp(`/${locale}/apply/home$`));
  const university = page.getByLabel(l.university);
  const option = (await university.locator("option").allTextContents()).find((text) => options.university.test(text));
  await university.selectOption({ label: option! });
  await page.getByLabel(l.coordinatorName).fill("Dr. Weber");
  await page.getByLabel(l.coordinatorEmail).fill("weber@example.org");
  await page.getByLabel(l.nominatedBy).fill("International Office");
  await page.getByLabel(l.nominatedOn).fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: l.save }).click();

  await expect(page).toHaveURL(new RegExp(`/${locale}/apply/study$`));
  await page.getByLabel(l.faculty).selectOption({ label: l.sciences });
  await page.getByLabel(l.level).selectOption({ label: l.master });
  await page.getByLabel(l.period).selectOption({ label: l.s1 });
  await page
    .getByLabel(l.year)
    .selectOption({ label: formatAcademicYear(academicYearOf(new Date()) + (options.nextYear ? 1 : 0)) });
  await page.getByLabel(l.courseTitle).fill("Nonlinear optics");
  await page.getByLabel(l.courseEcts).fill("30");
  await page.getByRole("button", { name: l.save }).click();

  await expect(page).toHaveURL(new RegExp(`/${locale}/apply/languages$`));
  await page.getByLabel(l.french).selectOption(options.frenchLevel);
  await page.getByLabel(l.english).selectOption("C1");
  await page.getByRole("button", { name: l.save }).click();

  await expect(page).toHaveURL(new RegExp(`/${locale}/apply/housing$`));
  await page.getByRole("radio", { name: l.housingYes }).check();
  await page.getByRole("radio", { name: l.housingCity }).check();
  await page.getByRole("button", { name: l.save }).click();

  await expect(page).toHaveURL(new RegExp(`/${locale}/apply/documents$`));
  for (const [index, label] of l.documents.entries()) {
    const isPhoto = index === 3;
    const name = isPhoto ? "photo.png" : `document-${index}.pdf`;
    await page
      .getByLabel(label, { exact: true })
      .setInputFiles({ name, mimeType: isPhoto ? "image/png" : "application/pdf", buffer: isPhoto ? png : pdf });
    await expect(page.getByRole("link", { name: new RegExp(name.replace(".", "\\.")) })).toBeVisible();
  }
  await page.getByRole("link", { name: l.continueToSubmit }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/apply/submit$`));
}

/**
 * A student (Zoé <lastName>, German, Karlsruhe, Sciences, asking for a room in Marseille) who
 * registered and submitted the application in English, in a browser context of their own.
 */
export async function submittedStudent(browser: Browser, lastName: string, options: { nextYear?: boolean } = {}) {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(lastName.toLowerCase().replace(/[^a-z]/g, "") || "student");
  await registerStudent(page, email, `Zoé ${lastName}`);
  await fillApplication(page, "en", {
    university: /^Karlsruhe Institute of Technology/,
    lastName,
    frenchLevel: "B2",
    nextYear: options.nextYear,
  });
  await page.getByRole("button", { name: labels.en.submit }).click();
  await expect(page).toHaveURL(/\/en\/dossier$/);
  return { page, email };
}

/** The Sciences correspondent finds a submitted application through the queue's search and accepts it. */
export async function acceptApplication(browser: Browser, lastName: string) {
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await signInAs(reviewer, demoAccounts.sciences.email, demoPassword);
  await reviewer.goto(`/en/review?q=${lastName.toLowerCase()}`);
  await reviewer.getByRole("link", { name: new RegExp(`^${lastName.toUpperCase()} Zoé`) }).click();
  await reviewer.getByRole("button", { name: "Accept this application" }).click();
  await expect(reviewer.getByTestId("application-status")).toHaveText("Accepted");
  await context.close();
}
