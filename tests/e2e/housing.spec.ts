import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { academicYearOf, formatAcademicYear } from "../../lib/academic-year.ts";
import { readOutbox } from "../../lib/mail/outbox.ts";
import { submittedStudent } from "./application-support";
import { demoAccounts, demoPassword, e2eDatabase, expectAccessible, signInAs } from "./support";

/** A student who applied (English), asking for a room in Marseille; their page is returned. */
function studentWithRequest(browser: Browser, lastName: string, nextYear = false) {
  return submittedStudent(browser, lastName, { nextYear });
}

/** The board row of a student: its decision form. */
async function decide(board: Page, lastName: string, decision: string, residence?: string) {
  const name = `${lastName.toUpperCase()} Zoé`;
  await board.getByLabel(`Decision for ${name}`).selectOption({ label: decision });
  if (residence) {
    const select = board.getByLabel(`Residence for ${name}`);
    const option = (await select.locator("option").allTextContents()).find((text) => text.startsWith(residence));
    await select.selectOption({ label: option! });
  }
  await board
    .getByLabel(`Decision for ${name}`)
    .locator("xpath=ancestor::form")
    .getByRole("button", { name: "Save" })
    .click();
}

test("decisions stay hidden until the round is released; then the accepted student confirms, the refused one sees the city resources", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const accepted = await studentWithRequest(browser, `Room${stamp}`);
  const refused = await studentWithRequest(browser, `Noroom${stamp}`);

  // Before any decision: pending, with the release date; the CROUS is never the contact.
  await accepted.page.goto("/en/dossier/housing");
  await expect(accepted.page.getByText(/Decision pending/).first()).toBeVisible();
  await expect(accepted.page.getByText(/do not contact the CROUS/).first()).toBeVisible();
  await expectAccessible(accepted.page);

  // The correspondent decides on the board.
  const board = await (await browser.newContext()).newPage();
  await signInAs(board, demoAccounts.sciences.email, demoPassword);
  await board.goto("/en/review/housing");
  await expect(board.getByRole("heading", { level: 1, name: "Housing in university residences" })).toBeVisible();
  await expectAccessible(board);
  await decide(board, `Room${stamp}`, "Accept", "Résidence Luminy");
  await expect(board.getByText("Accepted — Résidence Luminy").first()).toBeVisible();
  await decide(board, `Noroom${stamp}`, "Refuse");

  // Not released yet: the student still sees "pending".
  await accepted.page.reload();
  await expect(accepted.page.getByText(/Decision pending/).first()).toBeVisible();
  await expect(accepted.page.getByText("Résidence Luminy")).toHaveCount(0);

  // The correspondent releases the round; the e-mails go out once.
  await board.getByRole("link", { name: "Release and e-mails of this round" }).click();
  await expectAccessible(board);
  await board.getByRole("checkbox", { name: /I confirm the release/ }).check();
  await board.getByRole("button", { name: "Release the decisions" }).click();
  await expect(board.getByText(/Released on/).first()).toBeVisible({ timeout: 20_000 });

  // The accepted student: residence, INTERLOG steps, commitments, confirmation.
  await accepted.page.reload();
  await expect(accepted.page.getByText(/Résidence Luminy/).first()).toBeVisible();
  await expect(accepted.page.getByText(/not confirmed yet/)).toBeVisible();
  for (const step of [
    "I registered on INTERLOG",
    "I requested the accommodation on INTERLOG",
    "I paid the deposit online",
  ]) {
    await accepted.page.getByRole("checkbox", { name: step }).check();
    await expect(accepted.page.getByText(`“${step}” ticked.`)).toBeVisible();
  }
  for (const commitment of [
    /Pay the rest of the half-yearly lump sum/,
    /Reside in the room for the whole/,
    /Stay in the room only for my study period/,
  ]) {
    await accepted.page.getByRole("checkbox", { name: commitment }).check();
  }
  await accepted.page.getByRole("button", { name: "I accept these commitments" }).click();
  await expect(accepted.page.getByText(/Your reservation is confirmed/)).toBeVisible();
  await expectAccessible(accepted.page);

  // R-HOU-7: once the application is accepted, the home-insurance certificate, reviewed by staff.
  await board.goto(`/en/review?q=room${stamp}`);
  await board.getByRole("link", { name: new RegExp(`^ROOM${stamp} Zoé`) }).click();
  await board.getByRole("button", { name: "Accept this application" }).click();
  await expect(board.getByTestId("application-status")).toHaveText("Accepted");
  await accepted.page.reload();
  await accepted.page
    .getByLabel("Home insurance certificate", { exact: true })
    .setInputFiles({ name: "insurance.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await expect(accepted.page.getByRole("link", { name: /insurance\.pdf/ })).toBeVisible();
  await accepted.page.reload();
  await expect(accepted.page.getByTestId("insurance-status")).toContainText("waiting for review");
  await board.reload();
  await board.getByRole("button", { name: "Approve the certificate" }).click();
  await expect(board.getByTestId("insurance-review-status")).toContainText("Approved");
  await accepted.page.reload();
  await expect(accepted.page.getByTestId("insurance-status")).toContainText("Approved");

  // The refused student sees the city-housing resources.
  await refused.page.goto("/en/dossier/housing");
  await expect(refused.page.getByText(/is refused/)).toBeVisible();
  await expect(refused.page.getByRole("link", { name: /Studapart/ })).toBeVisible();

  // One decision e-mail each reached the SMTP sink.
  const outbox = await readOutbox(path.resolve(".data/e2e-mail"));
  for (const { email } of [accepted, refused]) {
    const housingMails = outbox.filter((message) => message.to.includes(email) && /residence/i.test(message.subject));
    expect(housingMails).toHaveLength(1);
  }
});

test("a residence cannot be over-filled from the board", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  // Next academic year: a round not released yet, whatever the other tests did.
  const first = await studentWithRequest(browser, `First${stamp}`, true);
  await studentWithRequest(browser, `Second${stamp}`, true);
  // A residence with a single room for the students' round.
  const residence = `Résidence Unique ${stamp}`;
  await e2eDatabase(async (db) => {
    const { rows } = await db.query<{ academicYear: number }>(
      `SELECT r."academicYear" FROM "HousingRequest" h JOIN "HousingRound" r ON r.id = h."roundId" JOIN "Application" a ON a.id = h."applicationId" JOIN "User" u ON u.id = a."studentId" WHERE u.email = $1`,
      [first.email],
    );
    await db.query(
      `WITH r AS (INSERT INTO "Residence" (id, name, city) VALUES (gen_random_uuid(), $1, 'MARSEILLE') RETURNING id)
       INSERT INTO "ResidenceCapacity" (id, "residenceId", "academicYear", semester, rooms) SELECT gen_random_uuid(), id, $2, 'S1', 1 FROM r`,
      [residence, rows[0]!.academicYear],
    );
  });
  const board = await (await browser.newContext()).newPage();
  await signInAs(board, demoAccounts.sciences.email, demoPassword);
  await board.goto("/en/review/housing");
  await board
    .getByLabel("Round")
    .selectOption({ label: `${formatAcademicYear(academicYearOf(new Date()) + 1)}, Semester 1 (autumn)` });
  await board.getByRole("button", { name: "Show" }).click();
  await decide(board, `First${stamp}`, "Accept", residence);
  await expect(board.getByText(`Accepted — ${residence}`)).toBeVisible();
  await decide(board, `Second${stamp}`, "Accept", residence);
  await expect(
    board
      .getByRole("main")
      .getByRole("alert")
      .filter({ hasText: `${residence} has no free room left for this semester.` })
      .first(),
  ).toBeVisible();
});
