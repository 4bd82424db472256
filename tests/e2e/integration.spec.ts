import { type Browser, expect, type Page, test } from "@playwright/test";
import { academicYearOf } from "../../lib/academic-year.ts";
import {
  demoAccounts,
  demoPassword,
  e2eDatabase,
  expectAccessible,
  registerStudent,
  signInAs,
  uniqueEmail,
} from "./support";

// Issue 16 in both languages: the sponsorship journey (a sponsor registers and is approved, a
// student opts in, the correspondent confirms the suggestion, both see each other), the
// integration week's waiting list and the arrival hub, the mentors' bulk assignment, and axe
// on every new page. Students are arranged as accepted in the database (the application's own
// journey is application.spec.ts); each run uses its own names and a language code of its own,
// so that suggestions never meet another run's people.

const year = academicYearOf(new Date());

const text = {
  en: {
    becomeSponsor: "Become a sponsor",
    faculty: "Your faculty",
    city: "Where you study",
    languages: "Languages you speak",
    capacity: "How many students can you sponsor?",
    charter: "I have read and accept the sponsor's charter.",
    charterRequired: "Accept the sponsor's charter to continue.",
    offer: "Offer to sponsor",
    pending: "your offer is awaiting an administrator's approval",
    approve: (name: string) => `Approve ${name}`,
    integrationTitle: "Integration and support",
    consent: "I want a sponsor and agree that they see the information listed above.",
    askSponsor: "Ask for a sponsor",
    waiting: "You asked for a sponsor on",
    boardTitle: "Sponsorship",
    confirming: "Confirming…",
    confirm: (lastName: string) => new RegExp(`^Confirm .+ for ${lastName.toUpperCase()}`),
    yourSponsor: (name: string) => `Your sponsor is ${name}.`,
    sponsorHome: "My sponsoring",
    notFound: /not found|does not exist/i,
    joinWaitingList: (title: string) => `Join the waiting list of ${title}`,
    waitlisted: "You are number 1 on the waiting list",
    hubTitle: "Your arrival, step by step",
    hubWeek: "Integration week",
    hubWaiting: "On the waiting list",
    mentorsTitle: "Mentoring teachers",
    teacher: "Mentoring teacher",
    assign: "Assign to the ticked students",
    assigned: "One student now has this mentor.",
    mentorOf: (name: string) => `${name} is your mentoring teacher`,
    adminIntegration: "Integration week and FLE courses",
    adminSponsors: "Sponsors",
    session: {
      year: "Academic year (first year, e.g. 2026)",
      title: "Name",
      startsOn: "First day",
      endsOn: "Last day",
      place: "Place",
      capacity: "Seats",
      create: "Create the session",
      edit: "Change this session",
    },
  },
  fr: {
    becomeSponsor: "Devenir parrain ou marraine",
    faculty: "Votre composante",
    city: "Où vous étudiez",
    languages: "Langues que vous parlez",
    capacity: "Combien d'étudiants pouvez-vous parrainer ?",
    charter: "J'ai lu et j'accepte la charte du parrainage.",
    charterRequired: "Acceptez la charte du parrainage pour continuer.",
    offer: "Proposer de parrainer",
    pending: "votre proposition attend l'approbation d'un administrateur",
    approve: (name: string) => `Approuver ${name}`,
    integrationTitle: "Intégration et accompagnement",
    consent: "Je souhaite un parrain ou une marraine et j'accepte qu'il ou elle voie les informations ci-dessus.",
    askSponsor: "Demander un parrain ou une marraine",
    waiting: "Vous avez demandé un parrain ou une marraine le",
    boardTitle: "Parrainage",
    confirming: "Confirmation…",
    confirm: (lastName: string) => new RegExp(`^Confirmer .+ pour ${lastName.toUpperCase()}`),
    yourSponsor: (name: string) => `Votre parrain ou marraine est ${name}.`,
    sponsorHome: "Mon parrainage",
    notFound: /introuvable|n'existe pas/i,
    joinWaitingList: (title: string) => `M'inscrire sur la liste d'attente de ${title}`,
    waitlisted: "Vous êtes numéro 1 sur la liste d'attente",
    hubTitle: "Votre arrivée, étape par étape",
    hubWeek: "Semaine d'intégration",
    hubWaiting: "Sur liste d'attente",
    mentorsTitle: "Enseignants référents",
    teacher: "Enseignant référent",
    assign: "Attribuer aux étudiants cochés",
    assigned: "Un étudiant a maintenant ce référent.",
    mentorOf: (name: string) => `${name} est votre enseignant(e) référent(e)`,
    adminIntegration: "Semaine d'intégration et cours de FLE",
    adminSponsors: "Parrains et marraines",
    session: {
      year: "Année universitaire (première année, par ex. 2026)",
      title: "Nom",
      startsOn: "Premier jour",
      endsOn: "Dernier jour",
      place: "Lieu",
      capacity: "Places",
      create: "Créer la session",
      edit: "Modifier cette session",
    },
  },
} as const;

type Locale = keyof typeof text;

/** An accepted application of the Faculty of Sciences for a registered student, arranged directly. */
async function acceptInDatabase(email: string, lastName: string, frenchLevel = "A2") {
  return e2eDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Application" ("id", "studentId", "status", "firstName", "lastName", "nationality", "componentId",
         "studyLevel", "period", "academicYear", "frenchLevel", "housingCity", "decidedAt", "submittedAt", "lastSubmittedAt", "updatedAt")
       SELECT gen_random_uuid(), u."id", 'ACCEPTED', 'Zoé', $2, 'BR', c."id", 'MASTER', 'S1', $3, $4::"CefrLevel", 'AIX', now(), now(), now(), now()
       FROM "User" u, "Component" c WHERE u."email" = $1 AND c."code" = 'SCIENCES'
       RETURNING "id"`,
      [email, lastName, year, frenchLevel],
    );
    return rows[0]!.id;
  });
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function signedIn(browser: Browser, email: string, locale: Locale) {
  const page = await newPage(browser);
  await signInAs(page, email, demoPassword, locale);
  return page;
}

for (const [locale, l] of Object.entries(text) as [Locale, (typeof text)[Locale]][]) {
  test(`sponsorship (${locale}): a sponsor is approved, a student opts in, the correspondent confirms, both see each other`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const tag = `${Date.now()}`.slice(-6);
    const language = locale === "en" ? "cy" : "eu";

    // A local student registers and offers to sponsor.
    const sponsorName = `Sam Sponsor ${locale}${tag}`;
    const sponsorEmail = uniqueEmail("sponsor");
    const sponsorPage = await newPage(browser);
    await registerStudent(sponsorPage, sponsorEmail, sponsorName, locale);
    await sponsorPage.goto(`/${locale}/sponsor/register`);
    await expect(sponsorPage.getByRole("heading", { level: 1, name: l.becomeSponsor })).toBeVisible();
    await expectAccessible(sponsorPage);
    await sponsorPage.getByLabel(l.faculty).selectOption({ index: 1 });
    await sponsorPage.getByLabel(l.city).selectOption("AIX");
    await sponsorPage.getByLabel(l.languages).fill(`fr, ${language}`);
    await sponsorPage.getByLabel(l.capacity).selectOption("1");
    await sponsorPage.getByRole("button", { name: l.offer }).click();
    // The charter is not ticked: refused, and what was typed is kept.
    await expect(sponsorPage.getByText(l.charterRequired)).toBeVisible();
    await expect(sponsorPage.getByLabel(l.languages)).toHaveValue(`fr, ${language}`);
    await sponsorPage.getByLabel(l.charter).check();
    await sponsorPage.getByRole("button", { name: l.offer }).click();
    await expect(sponsorPage.getByTestId("sponsor-status")).toContainText(l.pending);

    // The administrator approves them.
    const admin = await signedIn(browser, demoAccounts.admin.email, locale);
    await admin.goto(`/${locale}/admin/sponsors`);
    await expect(admin.getByRole("heading", { level: 1, name: l.adminSponsors })).toBeVisible();
    await expectAccessible(admin);
    await admin.getByRole("button", { name: l.approve(sponsorName) }).click();
    await expect(admin.getByRole("status")).toBeVisible();

    // An accepted student opts in, with the consent listing what a sponsor sees.
    const lastName = `Buddy${locale}${tag}`;
    const studentEmail = uniqueEmail("buddy");
    const student = await newPage(browser);
    await registerStudent(student, studentEmail, `Zoé ${lastName}`, locale);
    await acceptInDatabase(studentEmail, lastName);
    // Someone the sponsor is never matched with, whose profile they try to open by id.
    const otherEmail = uniqueEmail("other");
    await e2eDatabase((client) =>
      client.query(
        `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES (gen_random_uuid(), $1, 'Other', 'x', 'STUDENT', now())`,
        [otherEmail],
      ),
    );
    const otherApplication = await acceptInDatabase(otherEmail, `Other${tag}`);

    await student.goto(`/${locale}/dossier/integration`);
    await expect(student.getByRole("heading", { level: 1, name: l.integrationTitle })).toBeVisible();
    await expectAccessible(student);
    await student.getByLabel(l.languages).fill(language);
    await student.getByLabel(l.consent).check();
    await student.getByRole("button", { name: l.askSponsor }).click();
    await expect(student.getByText(l.waiting)).toBeVisible();

    // The correspondent confirms the suggested match.
    const correspondent = await signedIn(browser, demoAccounts.sciences.email, locale);
    await correspondent.goto(`/${locale}/review/sponsorship`);
    await expect(correspondent.getByRole("heading", { level: 1, name: l.boardTitle })).toBeVisible();
    await expectAccessible(correspondent);
    await correspondent.getByRole("button", { name: l.confirm(lastName) }).click();
    // Done once the button is gone and nothing is pending any more (its label changes meanwhile).
    await expect(correspondent.getByRole("button", { name: l.confirm(lastName) })).toHaveCount(0);
    await expect(correspondent.getByRole("button", { name: l.confirming })).toHaveCount(0, { timeout: 20_000 });
    await expect(correspondent.getByRole("row").filter({ hasText: lastName.toUpperCase() })).toContainText(sponsorName);

    // Both now see each other's name and e-mail.
    await student.reload();
    await expect(student.getByTestId("sponsor")).toContainText(l.yourSponsor(sponsorName));
    await expect(student.getByTestId("sponsor")).toContainText(sponsorEmail);
    await sponsorPage.goto(`/${locale}/sponsor`);
    await expect(sponsorPage.getByRole("heading", { level: 1, name: l.sponsorHome })).toBeVisible();
    await expect(sponsorPage.getByRole("link", { name: studentEmail })).toBeVisible();
    await expectAccessible(sponsorPage);
    await sponsorPage.getByRole("link", { name: new RegExp(`Zoé ${lastName}`) }).click();
    await expect(sponsorPage.getByRole("heading", { level: 1, name: `Zoé ${lastName}` })).toBeVisible();
    await expectAccessible(sponsorPage);
    // An unmatched student's profile, by id: not found.
    const response = await sponsorPage.goto(`/${locale}/sponsor/students/${otherApplication}`);
    expect(response?.status()).toBe(404);
    await expect(sponsorPage.getByText(`Other${tag}`)).toHaveCount(0);
  });

  test(`integration week (${locale}): a full session waitlists the student, and the hub shows each step`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const tag = `${Date.now()}`.slice(-6);
    const title = `Session ${locale}${tag}`;
    const startsOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const endsOn = new Date(Date.now() + 34 * 86_400_000).toISOString().slice(0, 10);
    // One seat, already taken by another accepted student.
    const takenEmail = uniqueEmail("seated");
    await e2eDatabase((client) =>
      client.query(
        `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES (gen_random_uuid(), $1, 'Seated', 'x', 'STUDENT', now())`,
        [takenEmail],
      ),
    );
    const seated = await acceptInDatabase(takenEmail, `Seated${tag}`);
    await e2eDatabase(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "IntegrationSession" ("id", "academicYear", "title", "startsOn", "endsOn", "dailyHours", "place", "capacity")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, '09:00–13:00', 'Campus Schuman', 1) RETURNING "id"`,
        [year, title, startsOn, endsOn],
      );
      await client.query(
        `INSERT INTO "IntegrationSignup" ("id", "sessionId", "applicationId", "status") VALUES (gen_random_uuid(), $1, $2, 'CONFIRMED')`,
        [rows[0]!.id, seated],
      );
    });

    const lastName = `Week${locale}${tag}`;
    const email = uniqueEmail("week");
    const page = await newPage(browser);
    await registerStudent(page, email, `Zoé ${lastName}`, locale);
    await acceptInDatabase(email, lastName, "A2");

    await page.goto(`/${locale}/dossier/integration`);
    await page.getByRole("button", { name: l.joinWaitingList(title) }).click();
    await expect(page.getByTestId("integration-week-status")).toContainText(l.waitlisted);
    await expectAccessible(page);

    // The hub: every step a link, the week's line says the student waits.
    await page.goto(`/${locale}/dossier`);
    const hub = page.getByTestId("arrival-hub");
    await expect(page.getByRole("heading", { level: 2, name: l.hubTitle })).toBeVisible();
    await expect(hub.getByRole("listitem")).toHaveCount(8);
    await expect(hub.getByRole("listitem").filter({ hasText: l.hubWeek })).toContainText(l.hubWaiting);
    await expectAccessible(page);
    await hub.getByRole("link", { name: l.hubWeek }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/dossier/integration$`));
  });

  test(`mentors and admin pages (${locale}): a correspondent assigns a mentor, the student sees them; axe on the admin pages`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const tag = `${Date.now()}`.slice(-6);
    const teacherName = `Prof ${locale}${tag}`;
    const lastName = `Mentee${locale}${tag}`;
    const email = uniqueEmail("mentee");
    const student = await newPage(browser);
    await registerStudent(student, email, `Zoé ${lastName}`, locale);
    await acceptInDatabase(email, lastName);
    await e2eDatabase((client) =>
      client.query(
        `INSERT INTO "MentorTeacher" ("id", "componentId", "name", "email", "contactNote")
         SELECT gen_random_uuid(), c."id", $1, $2, 'Office B204' FROM "Component" c WHERE c."code" = 'SCIENCES'`,
        [teacherName, uniqueEmail("teacher")],
      ),
    );

    const correspondent = await signedIn(browser, demoAccounts.sciences.email, locale);
    await correspondent.goto(`/${locale}/review/mentors`);
    await expect(correspondent.getByRole("heading", { level: 1, name: l.mentorsTitle })).toBeVisible();
    await expectAccessible(correspondent);
    await correspondent.getByRole("checkbox", { name: new RegExp(`^${lastName.toUpperCase()} Zoé`) }).check();
    await correspondent.getByLabel(l.teacher).selectOption({ label: `${teacherName} (SCIENCES)` });
    await correspondent.getByRole("button", { name: l.assign }).click();
    await expect(correspondent.getByRole("status")).toContainText(l.assigned);

    await student.goto(`/${locale}/dossier/integration`);
    await expect(student.getByTestId("mentor")).toContainText(l.mentorOf(teacherName));

    const admin = await signedIn(browser, demoAccounts.admin.email, locale);
    await admin.goto(`/${locale}/admin/integration`);
    await expect(admin.getByRole("heading", { level: 1, name: l.adminIntegration })).toBeVisible();
    await expectAccessible(admin);
    // The administrator creates a session (R-INT-1: sessions are data), then opens it.
    const title = `Admin session ${locale}${tag}`;
    const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: l.session.create }) });
    await form.getByLabel(l.session.year, { exact: true }).fill(String(year));
    await form.getByLabel(l.session.title, { exact: true }).fill(title);
    await form.getByLabel(l.session.startsOn).fill(`${year + 1}-01-11`);
    await form.getByLabel(l.session.endsOn).fill(`${year + 1}-01-15`);
    await form.getByLabel(l.session.place, { exact: true }).fill("Campus Schuman");
    await form.getByLabel(l.session.capacity, { exact: true }).fill("40");
    await form.getByRole("button", { name: l.session.create }).click();
    await admin.getByRole("link", { name: title }).click();
    await expect(admin.getByRole("heading", { level: 1, name: l.session.edit })).toBeVisible();
    await expect(admin.getByLabel(l.session.title, { exact: true })).toHaveValue(title);
    await expectAccessible(admin);
  });
}
