import { expect, type Page, test } from "@playwright/test";
import { submittedStudent } from "./application-support";
import { demoAccounts, demoPassword, e2eDatabase, expectAccessible, signInAs } from "./support";

/**
 * R-VIS-7, R-VIS-5: an admin adds a January opening period to the Marseille desk and opens
 * its times; a student then picks a day of it, and a time on that day. Each run takes a
 * far-future January of its own, so that runs (and the two languages) never overlap.
 */

const text = {
  en: {
    addRegion: "Add an opening period",
    label: "Name (optional)",
    opensOn: "Opens on",
    closesOn: "Closes on",
    add: "Add the period",
    saved: "Saved.",
    overlap: /shares days with another period of this desk/,
    generate: "Open bookable times in this period",
    from: "From",
    to: "To",
    capacity: "Students per time",
    create: "Create the times",
    created: "28 times created.",
    guidance: "Which period to choose",
    book: /^Book this time/,
    booked: /^Your visit:/,
    left: (count: number) => `${count} places left`,
    time: /^9:00 AM to 9:30 AM/,
  },
  fr: {
    addRegion: "Ajouter une période d'ouverture",
    label: "Nom (facultatif)",
    opensOn: "Ouvre le",
    closesOn: "Ferme le",
    add: "Ajouter la période",
    saved: "Enregistré.",
    overlap: /a des jours en commun avec une autre période de ce guichet/,
    generate: "Ouvrir des créneaux dans cette période",
    from: "Du",
    to: "Au",
    capacity: "Étudiants par créneau",
    create: "Créer les créneaux",
    created: "28 créneaux créés.",
    guidance: "Quelle période choisir",
    book: /^Réserver ce créneau/,
    booked: /^Votre rendez-vous :/,
    left: (count: number) => `${count} places restantes`,
    time: /^de 09:00 à 09:30/,
  },
} as const;

async function marseilleDeskId() {
  return e2eDatabase(async (client) => {
    await client.query(
      `INSERT INTO "WelcomeDesk" ("id", "city", "placeName", "updatedAt")
       VALUES (gen_random_uuid(), 'MARSEILLE', 'Espace Pouillon', now()) ON CONFLICT ("city") DO NOTHING`,
    );
    return (await client.query<{ id: string }>(`SELECT "id" FROM "WelcomeDesk" WHERE "city" = 'MARSEILLE'`)).rows[0]!
      .id;
  });
}

/** The period's fields, filled in the "add" form (its own ids: several period forms share the page). */
async function fillPeriod(page: Page, locale: "en" | "fr", label: string, opensOn: string, closesOn: string) {
  const form = page.getByRole("region", { name: text[locale].addRegion });
  await form.getByLabel(text[locale].label).fill(label);
  await form.getByLabel(text[locale].opensOn).fill(opensOn);
  await form.getByLabel(text[locale].closesOn).fill(closesOn);
  await form.getByRole("button", { name: text[locale].add }).click();
  return form;
}

for (const locale of ["en", "fr"] as const) {
  test(`${locale}: an admin adds a January period and opens its times; a student picks a day, then a time`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const t = text[locale];
    const deskId = await marseilleDeskId();
    // A January of its own: Monday 4 to Friday 29 January of a far year whose 4th is a Monday.
    let year = 2200 + Math.floor(Math.random() * 7000);
    while (new Date(Date.UTC(year, 0, 4)).getUTCDay() !== 1) year += 1;
    const label = `${locale === "en" ? "Spring intake" : "Rentrée de printemps"} ${year}`;

    // The admin adds the period (axe on the page first).
    const admin = await (await browser.newContext()).newPage();
    await signInAs(admin, demoAccounts.admin.email, demoPassword, locale);
    await admin.goto(`/${locale}/admin/welcome-desks/${deskId}`);
    await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(admin);
    await fillPeriod(admin, locale, label, `${year}-01-04`, `${year}-01-29`);
    await expect(admin.getByText(t.saved)).toBeVisible();
    const period = admin.getByRole("region", { name: label });
    await expect(period).toBeVisible();
    await expectAccessible(admin);

    // The same days again: refused, with what was typed kept.
    const refused = await fillPeriod(admin, locale, `${label} bis`, `${year}-01-20`, `${year}-02-05`);
    await expect(refused.getByRole("alert")).toHaveText(t.overlap);
    await expect(refused.getByLabel(t.opensOn)).toHaveAccessibleDescription(t.overlap);
    await expect(refused.getByLabel(t.label)).toHaveValue(`${label} bis`);
    await expectAccessible(admin);

    // Its times: two days (Monday 4 and Tuesday 5), 30-minute times from 09:00 to 16:00, 3 places each.
    await period.getByText(t.generate).click();
    await period.getByLabel(t.from, { exact: true }).fill(`${year}-01-04`);
    await period.getByLabel(t.to, { exact: true }).fill(`${year}-01-05`);
    await period.getByLabel(t.capacity, { exact: true }).fill("3");
    await period.getByRole("button", { name: t.create }).click();
    await expect(admin.getByText(t.created)).toBeVisible();
    await expectAccessible(admin);

    // An accepted student from outside Europe.
    const lastName = `Period${locale}${Date.now()}`;
    const { page, email } = await submittedStudent(browser, lastName);
    await e2eDatabase((client) =>
      client.query(
        `UPDATE "Application" a SET "status" = 'ACCEPTED', "nationality" = 'BR' FROM "User" u WHERE u."id" = a."studentId" AND u."email" = $1`,
        [email],
      ),
    );
    await page.goto(`/${locale}/dossier/welcome-desk`);
    await expect(page.getByRole("heading", { level: 3, name: t.guidance })).toBeVisible();
    await expect(page.getByRole("heading", { level: 4, name: new RegExp(label) })).toBeVisible();
    await expectAccessible(page);

    // The day picker: Tuesday 5 January, 14 times of 3 places.
    const tuesday = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }).format(
      new Date(Date.UTC(year, 0, 5)),
    );
    const dayLink = page.getByRole("link", { name: `${tuesday}${locale === "fr" ? " : " : ": "}${t.left(42)}` });
    // With the keyboard alone: the day's link, then the time's radio button, then the button.
    await dayLink.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`day=${year}-01-05`));
    await expect(page.getByRole("link", { name: new RegExp(tuesday) })).toHaveAttribute("aria-current", "date");
    // Only that day's times: 14 of them.
    await expect(page.getByRole("radio")).toHaveCount(14);
    await expectAccessible(page);
    await page.getByRole("radio", { name: t.time }).focus();
    await page.keyboard.press("Space");
    await expect(page.getByRole("radio", { name: t.time })).toBeChecked();
    await page.getByRole("button", { name: t.book }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("welcome-desk-booking")).toContainText(t.booked);
    await expect(page.getByRole("link", { name: new RegExp(`${tuesday}.*${t.left(41)}`) })).toBeVisible();
    await expectAccessible(page);
  });
}
