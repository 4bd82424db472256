/**
 * Residences, their rooms per semester (R-HOU-1) and the housing release rounds (R-HOU-3),
 * administered through the forms, with the accessible labels as the only handle; axe on every
 * new page in French and English. Each test works on residences and rounds of its own: the
 * seeded ones belong to the housing journeys.
 */
import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { academicYearOf, formatAcademicYear } from "../../lib/academic-year.ts";
import { axeViolations, demoAccounts, demoPassword, e2eDatabase, signInAs, uniqueEmail } from "./support";

const tag = () => randomBytes(3).toString("hex").toUpperCase();
const thisYear = academicYearOf(new Date());

async function signInAsAdmin(page: Page, locale: "en" | "fr" = "en") {
  await signInAs(page, demoAccounts.admin.email, demoPassword, locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`));
}

/** The alert of the form that says `text` (a page may hold several forms, each with its alert). */
const alertSays = (page: Page, text: string | RegExp) =>
  expect(page.getByRole("main").getByRole("alert").filter({ hasText: text })).toBeVisible();

const roomsLabel = (year: number, semester: "S1" | "S2") =>
  `Rooms, ${formatAcademicYear(year)}, ${semester === "S1" ? "Semester 1 (autumn)" : "Semester 2 (spring)"}`;

/** Creates a residence through the form; the admin lands on its page. Returns its id. */
async function createResidenceThroughForm(page: Page, name: string) {
  await page.goto("/en/admin/residences/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("City", { exact: true }).selectOption({ label: "Marseille" });
  await page.getByLabel("Address (optional)").fill("Avenue de la Gare, 13001 Marseille");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/admin\/residences\/[0-9a-f-]{36}\?done=saved$/);
  return page.url().match(/residences\/([0-9a-f-]{36})/)![1]!;
}

/** Sends the rooms form and waits for the server's answer (the page's URL may not change). */
async function saveRooms(page: Page) {
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().includes("/admin/residences/"),
  );
  await page.getByRole("button", { name: "Save the rooms" }).click();
  await answered;
}

/** `count` ACCEPTED requests in the residence for the seeded round of (year, semester), as the housing board would leave them. */
async function acceptRequests(residenceId: string, academicYear: number, semester: "S1" | "S2", count: number) {
  await e2eDatabase(async (db) => {
    for (let index = 0; index < count; index += 1) {
      await db.query(
        `WITH student AS (
           INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), $1, 'E2E Student', '-', 'STUDENT', now()) RETURNING id
         ), application AS (
           INSERT INTO "Application" (id, "studentId", status, "housingRequested", "housingCity", "updatedAt")
           SELECT gen_random_uuid(), id, 'ACCEPTED', true, 'MARSEILLE', now() FROM student RETURNING id
         )
         INSERT INTO "HousingRequest" (id, "applicationId", "roundId", "cityPreference", "requestedAt", status, "residenceId", "updatedAt")
         SELECT gen_random_uuid(), application.id, round.id, 'MARSEILLE', now(), 'ACCEPTED', $2::uuid, now()
         FROM application, "HousingRound" round WHERE round."academicYear" = $3 AND round.semester = $4::"Semester"`,
        [uniqueEmail("housed"), residenceId, academicYear, semester],
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------

test("an admin adds a residence from the overview, sets its rooms per semester, and sees them in the list", async ({
  page,
}) => {
  const name = `Résidence Canebière ${tag()}`;
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Residences", exact: true }).click();
  await page.getByRole("link", { name: "Add a residence" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New residence" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("City", { exact: true }).selectOption({ label: "Marseille" });
  await page.getByLabel("Address (optional)").fill("Boulevard de la Canebière, 13001 Marseille");
  await page.getByRole("button", { name: "Save", exact: true }).click();

  // Its page: saved, and its rooms to set, none yet (0), none accepted.
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const table = page.getByRole("table", { name: `Rooms of ${name} per academic year and semester` });
  await expect(table.getByRole("row")).toHaveCount(5);
  await expect(page.getByLabel(roomsLabel(thisYear, "S1"))).toHaveValue("0");
  await page.getByLabel(roomsLabel(thisYear, "S1")).fill("7");
  await page.getByLabel(roomsLabel(thisYear, "S2")).fill("3");
  await page.getByLabel(roomsLabel(thisYear + 1, "S1")).fill("9");
  await page.getByLabel(roomsLabel(thisYear + 1, "S2")).fill("4");
  await saveRooms(page);
  await page.reload();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByLabel(roomsLabel(thisYear, "S1"))).toHaveValue("7");
  await expect(page.getByLabel(roomsLabel(thisYear + 1, "S2"))).toHaveValue("4");

  // The list shows the current academic year's rooms.
  await page.getByRole("link", { name: "Residences", exact: true }).click();
  const list = page.getByRole("table", {
    name: `Residences, by city and name, with their rooms in ${formatAcademicYear(thisYear)}`,
  });
  const row = list.getByRole("row").filter({ hasText: name });
  await expect(row.getByRole("cell")).toHaveText([
    name,
    "Marseille",
    "Boulevard de la Canebière, 13001 Marseille",
    "7",
    "3",
    `Rooms and details ${name}`,
  ]);
  // The seeded residences are listed too.
  await expect(list.getByRole("row").filter({ hasText: "Résidence Les Gazelles" })).toContainText("Aix-en-Provence");

  // Renamed from its page.
  await row.getByRole("link", { name: `Rooms and details ${name}` }).click();
  await page.getByLabel("Name", { exact: true }).fill(`${name} bis`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/admin\/residences\?done=saved$/);
  await expect(page.getByRole("row").filter({ hasText: `${name} bis` })).toBeVisible();
});

test("R-HOU-1: rooms cannot go below the requests accepted; a wrong number answers next to its field and keeps what was typed", async ({
  page,
}) => {
  await signInAsAdmin(page);
  const id = await createResidenceThroughForm(page, `Résidence Prado ${tag()}`);
  await page.getByLabel(roomsLabel(thisYear, "S1")).fill("5");
  await saveRooms(page);
  await acceptRequests(id, thisYear, "S1", 3);
  await page.reload();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: formatAcademicYear(thisYear) })
      .filter({ hasText: "Semester 1 (autumn)" }),
  ).toContainText("3");

  // A number that is not one: refused on its field, everything typed kept.
  await page.getByLabel(roomsLabel(thisYear, "S2")).fill("-2");
  await page.getByLabel(roomsLabel(thisYear + 1, "S1")).fill("6");
  await page.getByRole("button", { name: "Save the rooms" }).click();
  await alertSays(page, "Some fields need your attention.");
  const s2 = page.getByLabel(roomsLabel(thisYear, "S2"));
  await expect(s2).toHaveAttribute("aria-invalid", "true");
  await expect(s2).toHaveAccessibleDescription("Enter a whole number of rooms between 0 and 5,000.");
  await expect(s2).toHaveValue("-2");
  await expect(page.getByLabel(roomsLabel(thisYear + 1, "S1"))).toHaveValue("6");

  // Below the 3 accepted: refused, with the number, on the field; nothing saved.
  await s2.fill("2");
  await page.getByLabel(roomsLabel(thisYear, "S1")).fill("2");
  await page.getByRole("button", { name: "Save the rooms" }).click();
  const message = `3 requests are already accepted in this residence for ${formatAcademicYear(thisYear)}, semester 1: the rooms cannot go below 3.`;
  await alertSays(page, message);
  const s1 = page.getByLabel(roomsLabel(thisYear, "S1"));
  await expect(s1).toHaveAttribute("aria-invalid", "true");
  await expect(s1).toHaveAccessibleDescription(message);
  await expect(s1).toHaveValue("2");
  const saved = await e2eDatabase(
    async (db) =>
      (
        await db.query(
          `SELECT semester, rooms FROM "ResidenceCapacity" WHERE "residenceId" = $1 ORDER BY "academicYear", semester`,
          [id],
        )
      ).rows,
  );
  expect(saved).toEqual([{ semester: "S1", rooms: 5 }]);

  // Down to exactly the accepted requests is fine.
  await s1.fill("3");
  await saveRooms(page);
  await page.reload();
  await expect(page.getByLabel(roomsLabel(thisYear, "S1"))).toHaveValue("3");
  await expect(page.getByLabel(roomsLabel(thisYear, "S2"))).toHaveValue("2");
});

test("a duplicate residence name is refused on its field, in French, keeping the input", async ({ page }) => {
  await signInAsAdmin(page, "fr");
  await page.goto("/fr/admin/residences/new");
  await page.getByLabel("Nom", { exact: true }).fill("résidence luminy");
  await page.getByLabel("Ville", { exact: true }).selectOption({ label: "Marseille" });
  await page.getByLabel("Adresse (facultative)").fill("Quelque part");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  const name = page.getByLabel("Nom", { exact: true });
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/Une autre résidence porte déjà ce nom\./);
  await expect(name).toHaveValue("résidence luminy");
  await expect(page.getByLabel("Ville", { exact: true }).locator("option:checked")).toHaveText("Marseille");
  await expect(page.getByLabel("Adresse (facultative)")).toHaveValue("Quelque part");
});

test("R-HOU-3: an admin creates a release round, its date following the semester, then edits its date and policy", async ({
  page,
}) => {
  const year = thisYear + 4;
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Housing release rounds" }).click();
  // The seeded rounds: this year's and next year's, at their default dates, first come first served.
  const list = page.getByRole("table", { name: "Release rounds, newest academic year first" });
  await expect(
    list
      .getByRole("row")
      .filter({ hasText: formatAcademicYear(thisYear) })
      .filter({ hasText: "Semester 2 (spring)" }),
  ).toContainText(`December 1, ${thisYear}`);

  await page.getByRole("link", { name: "Add a release round" }).click();
  await page.getByLabel("Academic year", { exact: true }).fill(String(year));
  await page.getByLabel("Arrival semester").selectOption({ label: "Semester 2 (spring)" });
  await expect(page.getByLabel("Release date")).toHaveValue(`${year}-12-01`);
  await page.getByLabel("Arrival semester").selectOption({ label: "Semester 1 (autumn)" });
  await expect(page.getByLabel("Release date")).toHaveValue(`${year}-07-01`);
  await page.getByLabel("Allocation policy").selectOption({ label: "By rank" });
  await page.getByRole("button", { name: "Save", exact: true }).click();

  await expect(page).toHaveURL(/\/en\/admin\/housing-rounds\?done=saved$/);
  const row = page.getByRole("row").filter({ hasText: formatAcademicYear(year) });
  await expect(row.getByRole("cell")).toHaveText([
    formatAcademicYear(year),
    "Semester 1 (autumn)",
    `July 1, ${year}`,
    "By rank",
    "Not released",
    "0",
    `Edit ${formatAcademicYear(year)}, Semester 1 (autumn)Release and e-mails ${formatAcademicYear(year)}, Semester 1 (autumn)`,
  ]);

  await row.getByRole("link", { name: /^Edit/ }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Release round ${formatAcademicYear(year)}, Semester 1 (autumn)` }),
  ).toBeVisible();
  await expect(page.getByLabel("Release date")).toHaveValue(`${year}-07-01`);
  await page.getByLabel("Release date").fill(`${year}-06-24`);
  await page.getByLabel("Allocation policy").selectOption({ label: "First come, first served" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/admin\/housing-rounds\?done=saved$/);
  const edited = page
    .getByRole("row")
    .filter({ hasText: formatAcademicYear(year) })
    .getByRole("cell");
  await expect(edited.nth(2)).toHaveText(`June 24, ${year}`);
  await expect(edited.nth(3)).toHaveText("First come, first served");
});

test("R-HOU-3: a round that exists is refused on the year's field, and a date outside the academic year on the date's, keeping the input", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/en/admin/housing-rounds/new");
  await page.getByLabel("Academic year", { exact: true }).fill(String(thisYear));
  await page.getByLabel("Arrival semester").selectOption({ label: "Semester 2 (spring)" });
  await page.getByLabel("Release date").fill(`${thisYear}-11-20`);
  await page.getByLabel("Allocation policy").selectOption({ label: "By rank" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const year = page.getByLabel("Academic year", { exact: true });
  await expect(year).toHaveAttribute("aria-invalid", "true");
  await expect(year).toHaveAccessibleDescription(
    new RegExp(
      `A release round already exists for ${formatAcademicYear(thisYear)}, semester 2: edit it from the list of rounds\\.`,
    ),
  );
  await expect(year).toHaveValue(String(thisYear));
  await expect(page.getByLabel("Arrival semester").locator("option:checked")).toHaveText("Semester 2 (spring)");
  await expect(page.getByLabel("Release date")).toHaveValue(`${thisYear}-11-20`);
  await expect(page.getByLabel("Allocation policy").locator("option:checked")).toHaveText("By rank");

  await page.getByLabel("Academic year", { exact: true }).fill(String(thisYear + 6));
  await page.getByLabel("Release date").fill(`${thisYear}-11-20`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const date = page.getByLabel("Release date");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription(/The release date must fall between 1 January/);
  await expect(date).toHaveValue(`${thisYear}-11-20`);
  const created = await e2eDatabase(
    async (db) =>
      (await db.query(`SELECT count(*)::int AS n FROM "HousingRound" WHERE "academicYear" = $1`, [thisYear + 6]))
        .rows[0].n,
  );
  expect(created).toBe(0);
});

test("R-HOU-3: a released round is read-only", async ({ page }) => {
  const year = thisYear + 5;
  const id = await e2eDatabase(
    async (db) =>
      (
        await db.query(
          `INSERT INTO "HousingRound" (id, "academicYear", semester, "releaseAt", "releasedAt") VALUES (gen_random_uuid(), $1, 'S2', $2, $3)
           ON CONFLICT ("academicYear", semester) DO UPDATE SET "releasedAt" = EXCLUDED."releasedAt" RETURNING id`,
          [year, new Date(Date.UTC(year, 11, 1, 12)), new Date(Date.UTC(year, 11, 2, 9))],
        )
      ).rows[0].id as string,
  );
  await signInAsAdmin(page);
  await page.goto("/en/admin/housing-rounds");
  const row = page.getByRole("row").filter({ hasText: formatAcademicYear(year) });
  await expect(row).toContainText(`Released on December 2, ${year}`);
  await row.getByRole("link", { name: `View ${formatAcademicYear(year)}, Semester 2 (spring)` }).click();
  await expect(page).toHaveURL(new RegExp(`/en/admin/housing-rounds/${id}$`));
  await expect(
    page.getByText(
      "This round has been released: its decisions are visible to students, and its date and policy can no longer change.",
    ),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(page.getByLabel("Release date")).toHaveCount(0);
});

// ---------------------------------------------------------------------------------------------
// Accessibility: every new page, in both languages, and the forms showing their errors.

for (const locale of ["fr", "en"] as const) {
  test(`axe: every residence and release-round page in /${locale} has no WCAG 2.1 A/AA violation`, async ({ page }) => {
    const ids = await e2eDatabase(async (db) => {
      const first = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].id as string;
      return {
        residence: await first(`SELECT id FROM "Residence" WHERE name = 'Résidence Les Gazelles'`),
        round: await first(`SELECT id FROM "HousingRound" WHERE "academicYear" = $1 AND semester = 'S1'`, [
          thisYear + 1,
        ]),
        released: await first(
          `INSERT INTO "HousingRound" (id, "academicYear", semester, "releaseAt", "releasedAt") VALUES (gen_random_uuid(), $1, 'S1', $2, $3)
           ON CONFLICT ("academicYear", semester) DO UPDATE SET "releasedAt" = EXCLUDED."releasedAt" RETURNING id`,
          [thisYear + 7, new Date(Date.UTC(thisYear + 7, 6, 1, 12)), new Date(Date.UTC(thisYear + 7, 6, 2, 9))],
        ),
      };
    });
    const paths = [
      "/admin",
      "/admin/residences",
      "/admin/residences/new",
      `/admin/residences/${ids.residence}`,
      "/admin/housing-rounds",
      "/admin/housing-rounds/new",
      `/admin/housing-rounds/${ids.round}`,
      `/admin/housing-rounds/${ids.released}`,
    ];
    const save = locale === "fr" ? "Enregistrer" : "Save";
    await signInAsAdmin(page, locale);
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await test.step(path, async () => {
        await page.goto(`/${locale}${path}`);
        await expect(page.locator("h1")).toHaveCount(1);
        found[path] = await axeViolations(page);
      });
    }
    // The forms showing their errors, too.
    await test.step("/admin/residences/new, refused", async () => {
      await page.goto(`/${locale}/admin/residences/new`);
      await page.getByRole("button", { name: save, exact: true }).click();
      await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
      found["/admin/residences/new (errors)"] = await axeViolations(page);
    });
    await test.step(`/admin/residences/${ids.residence}, rooms refused`, async () => {
      await page.goto(`/${locale}/admin/residences/${ids.residence}`);
      await page.locator(`input[name="capacities.0.rooms"]`).fill("-1");
      await page.getByRole("button", { name: locale === "fr" ? "Enregistrer les chambres" : "Save the rooms" }).click();
      await expect(page.locator(`input[name="capacities.0.rooms"]`)).toHaveAttribute("aria-invalid", "true");
      found["/admin/residences/[id] (errors)"] = await axeViolations(page);
    });
    await test.step("/admin/housing-rounds/new, refused", async () => {
      await page.goto(`/${locale}/admin/housing-rounds/new`);
      await page.locator(`input[name="academicYear"]`).fill("1999");
      await page.getByRole("button", { name: save, exact: true }).click();
      await expect(page.locator(`input[name="academicYear"]`)).toHaveAttribute("aria-invalid", "true");
      found["/admin/housing-rounds/new (errors)"] = await axeViolations(page);
    });
    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });
}
