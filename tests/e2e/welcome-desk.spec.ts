import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parisDay } from "../../lib/paris-time.ts";
import { acceptApplication, submittedStudent } from "./application-support";
import { demoAccounts, demoPassword, e2eDatabase, expectAccessible, signInAs } from "./support";

/** RFC 5545 UTC form, as the calendar file writes it. */
const icsTime = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/**
 * The Marseille desk (seeded, or made here when the seed has not run) and one slot of its own
 * in the future, at a random 5-minute time, so that it never meets another run's slots.
 */
async function arrangeSlot(capacity: number) {
  return e2eDatabase(async (client) => {
    await client.query(
      `INSERT INTO "WelcomeDesk" ("id", "city", "placeName", "address", "updatedAt")
       VALUES (gen_random_uuid(), 'MARSEILLE', 'Espace Pouillon', 'Campus Marseille Centre, 3 place Victor Hugo, Site Saint-Charles', now())
       ON CONFLICT ("city") DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "WelcomeDesk" ("id", "city", "updatedAt") VALUES (gen_random_uuid(), 'AIX', now()) ON CONFLICT ("city") DO NOTHING`,
    );
    const desk = await client.query<{ id: string }>(`SELECT "id" FROM "WelcomeDesk" WHERE "city" = 'MARSEILLE'`);
    const startsAt = new Date(
      Math.ceil((Date.now() + (2 + Math.floor(Math.random() * 300)) * 86_400_000) / 300_000) * 300_000,
    );
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    const slot = await client.query<{ id: string }>(
      `INSERT INTO "WelcomeDeskSlot" ("id", "deskId", "startsAt", "endsAt", "capacity") VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING "id"`,
      [desk.rows[0]!.id, startsAt, endsAt, capacity],
    );
    return { deskId: desk.rows[0]!.id, slotId: slot.rows[0]!.id, startsAt, endsAt };
  });
}

/** The student's page showing one day's times, as the day picker's links make it. */
const dayUrl = (locale: string, deskId: string, startsAt: Date) =>
  `/${locale}/dossier/welcome-desk?desk=${deskId}&day=${parisDay(startsAt)}`;

const bookedOf = (slotId: string) =>
  e2eDatabase(
    async (client) =>
      (await client.query<{ booked: number }>(`SELECT "booked" FROM "WelcomeDeskSlot" WHERE "id" = $1`, [slotId]))
        .rows[0]!.booked,
  );

test("an accepted student from outside Europe books a welcome-desk visit, adds it to a calendar, and cancels it", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { deskId, slotId, startsAt, endsAt } = await arrangeSlot(2);

  // A student who applied; not accepted yet, the page explains why nothing can be booked.
  const lastName = `Desk${Date.now()}`;
  const { page, email } = await submittedStudent(browser, lastName);
  // R-VIS-5: a nationality from outside Europe (the form's is German).
  await e2eDatabase((client) =>
    client.query(
      `UPDATE "Application" a SET "nationality" = 'BR' FROM "User" u WHERE u."id" = a."studentId" AND u."email" = $1`,
      [email],
    ),
  );

  await page.goto("/en/dossier/welcome-desk");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome desk" })).toBeVisible();
  await expect(page.getByText(/Your application is not accepted \(yet\)/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to my application" })).toBeVisible();
  await expect(page.locator(`input[name="slotId"]`)).toHaveCount(0);
  await expectAccessible(page);

  // The correspondent accepts the application.
  await acceptApplication(browser, lastName);

  // What the desk is for (R-INT-4), the OFII file, the compulsory notice, Marseille's place.
  await page.reload();
  await expect(page.getByTestId("welcome-desk-compulsory")).toBeVisible();
  await expect(page.getByText(/SIUMPPS/)).toBeVisible();
  // The demo year follows the online validation: nothing to deposit (issue 14, texts from the data).
  await expect(page.getByText(/validate it online, with no file to deposit/)).toBeVisible();
  await expect(page.getByText("Place: Espace Pouillon")).toBeVisible();
  await expect(page.getByText("You have not booked a visit yet", { exact: false })).toBeVisible();
  await expectAccessible(page);

  // Book the slot: its day (the picker's link, as ?desk=…&day=…), then its radio button.
  await page.goto(dayUrl("en", deskId, startsAt));
  const radio = page.locator(`input[name="slotId"][value="${slotId}"]`);
  await expect(radio).toBeEnabled();
  await radio.check();
  await radio
    .locator("xpath=ancestor::form")
    .getByRole("button", { name: /^Book this time/ })
    .click();
  await expect(page.getByTestId("welcome-desk-booking")).toContainText("Your visit:");
  expect(await bookedOf(slotId)).toBe(1);
  await expect(page.locator(`input[name="slotId"][value="${slotId}"]`)).toBeDisabled();
  await expectAccessible(page);

  // The calendar file: downloaded as welcome-desk.ics, RFC 5545, the slot's times in UTC.
  const link = page.getByRole("link", { name: "Add to my calendar (.ics file)" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("welcome-desk.ics");
  const ics = await readFile((await download.path())!, "utf8");
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const unfolded = ics.replace(/\r\n /g, "");
  expect(unfolded).toContain(`DTSTART:${icsTime(startsAt)}\r\n`);
  expect(unfolded).toContain(`DTEND:${icsTime(endsAt)}\r\n`);
  expect(unfolded).toMatch(/\r\nUID:welcome-desk-[0-9a-f-]+@/);
  expect(unfolded).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  expect(unfolded).toContain("LOCATION:Espace Pouillon\\, ");
  expect(unfolded).toContain("SUMMARY:Welcome desk");

  const href = (await link.getAttribute("href"))!;
  const answer = await page.request.get(href);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(answer.headers()["content-disposition"]).toBe('attachment; filename="welcome-desk.ics"');
  expect(answer.headers()["cache-control"]).toContain("no-store");
  expect(answer.headers()["x-content-type-options"]).toBe("nosniff");

  // Nobody else gets it: another student, or an anonymous visitor, reads "not found".
  const stranger = await (await browser.newContext()).newPage();
  expect((await stranger.request.get(href)).status()).toBe(404);
  await signInAs(stranger, demoAccounts.student.email, demoPassword);
  expect((await stranger.request.get(href)).status()).toBe(404);

  // The same page in French.
  await page.goto("/fr/dossier/welcome-desk");
  await expect(page.getByRole("heading", { level: 1, name: "Guichet d'accueil" })).toBeVisible();
  await expectAccessible(page);

  // Moving the visit gives its place up: asked first (issue 21); declined, nothing moves.
  const { slotId: otherSlotId, startsAt: otherStartsAt } = await arrangeSlot(2);
  await page.goto(dayUrl("en", deskId, otherStartsAt));
  const otherRadio = page.locator(`input[name="slotId"][value="${otherSlotId}"]`);
  const moveButton = otherRadio.locator("xpath=ancestor::form").getByRole("button", { name: /^Move my visit/ });
  await otherRadio.check();
  const declined = page.waitForEvent("dialog").then(async (dialog) => {
    expect(dialog.type()).toBe("confirm");
    expect(dialog.message()).toMatch(/^Your visit: .* Move it to this new time\?/);
    await dialog.dismiss();
  });
  await moveButton.click();
  await declined;
  expect(await bookedOf(slotId)).toBe(1);
  expect(await bookedOf(otherSlotId)).toBe(0);
  // Accepted, the visit moves and the first place is given back.
  page.once("dialog", (dialog) => void dialog.accept());
  await moveButton.click();
  await expect.poll(() => bookedOf(otherSlotId)).toBe(1);
  expect(await bookedOf(slotId)).toBe(0);

  // Cancel, confirmed: the place is given back.
  await page.goto("/en/dossier/welcome-desk");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Cancel my visit" }).click();
  await expect(page.getByText("You have not booked a visit yet", { exact: false })).toBeVisible();
  expect(await bookedOf(otherSlotId)).toBe(0);
  expect((await page.request.get(href)).status()).toBe(404);
});

for (const locale of ["fr", "en"] as const) {
  test(`axe: /${locale}/admin/welcome-desks and a desk's page have no WCAG 2.1 A/AA violation`, async ({ page }) => {
    const { deskId } = await arrangeSlot(1);
    await signInAs(page, demoAccounts.admin.email, demoPassword, locale);
    await page.goto(`/${locale}/admin/welcome-desks`);
    await expect(page.locator("h1")).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/${locale}/admin/welcome-desks/${deskId}`);
    await expect(page.locator("h1")).toBeVisible();
    await expectAccessible(page);
  });
}
