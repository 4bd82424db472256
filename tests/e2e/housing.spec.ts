import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { academicYearOf, formatAcademicYear } from "../../lib/academic-year.ts";
import { readOutbox } from "../../lib/mail/outbox.ts";
import { parisDay, parisInstant } from "../../lib/paris-time.ts";
import { fillApplication, submittedStudent } from "./application-support";
import {
  demoAccounts,
  demoPassword,
  e2eDatabase,
  expectAccessible,
  registerStudent,
  signInAs,
  uniqueEmail,
} from "./support";

/** A student who applied (English), asking for a room in Marseille; their page is returned. */
function studentWithRequest(browser: Browser, lastName: string, nextYear = false) {
  return submittedStudent(browser, lastName, { nextYear });
}

/** The board row of a student: its decision form. */
async function decide(board: Page, lastName: string, decision: string, residence?: string) {
  const name = `${lastName.toUpperCase()} Zoé`;
  // Found through the board's search, as staff would among many requests (issue 21).
  const filters = board.getByRole("search", { name: "Filter the requests" });
  await filters.getByLabel("Name or e-mail contains").fill(lastName);
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(board.getByLabel(`Decision for ${name}`)).toBeVisible();
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

  // Releasing e-mails the whole round: an administrator's act (issue 21). The correspondent has
  // no link to it, and its page is "not found" for them.
  await expect(board.getByRole("link", { name: "Release and e-mails of this round" })).toHaveCount(0);
  await expect(board.getByText(/The IR office \(administrators\) releases the round/)).toBeVisible();
  const roundId = new URL(board.url()).searchParams.get("round")!;
  expect((await board.goto(`/en/review/housing/rounds/${roundId}`))!.status()).toBe(404);

  // An administrator releases the round; the e-mails go out once.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, demoAccounts.admin.email, demoPassword);
  await admin.goto(`/en/review/housing?round=${roundId}`);
  await admin.getByRole("link", { name: "Release and e-mails of this round" }).click();
  await expectAccessible(admin);
  await admin.getByRole("checkbox", { name: /I confirm the release/ }).check();
  await admin.getByRole("button", { name: "Release the decisions" }).click();
  await expect(admin.getByText(/Released on/).first()).toBeVisible({ timeout: 20_000 });

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

  // One decision e-mail each reached the SMTP sink, sent by the job worker (issue 20).
  for (const { email } of [accepted, refused]) {
    await expect
      .poll(
        async () =>
          (await readOutbox(path.resolve(".data/e2e-mail"))).filter(
            (message) => message.to.includes(email) && /residence/i.test(message.subject),
          ).length,
        { timeout: 30_000 },
      )
      .toBe(1);
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

test("on the round's release day: decided, released from 00:00 in Paris, then a late request is decided and mailed at once", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const year = academicYearOf(new Date()) + 1;
  const roundLabel = `${formatAcademicYear(year)}, Semester 1 (autumn)`;
  const early = await studentWithRequest(browser, `Early${stamp}`, true);
  // R-HOU-3: the round's date is today in Paris, stored at 23:59 so that only the day (from
  // 00:00 in Paris), not the stored instant, makes it releasable now.
  await e2eDatabase((db) =>
    db.query(
      `UPDATE "HousingRound" SET "releaseAt" = $1, "releasedAt" = NULL, "releasedById" = NULL WHERE "academicYear" = $2 AND semester = 'S1'`,
      [parisInstant(parisDay(new Date()), "23:59"), year],
    ),
  );

  // The correspondent decides before the release.
  const board = await (await browser.newContext()).newPage();
  await signInAs(board, demoAccounts.sciences.email, demoPassword);
  await board.goto("/en/review/housing");
  await board.getByLabel("Round").selectOption({ label: roundLabel });
  await board.getByRole("button", { name: "Show" }).click();
  await decide(board, `Early${stamp}`, "Accept", "Résidence Luminy");
  await expect(board.getByRole("row").filter({ hasText: `EARLY${stamp}` })).toContainText(
    "Accepted — Résidence Luminy",
  );

  // The admin finds the round releasable in the administration and releases it, the same day.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, demoAccounts.admin.email, demoPassword);
  await admin.goto("/en/admin/housing-rounds");
  const row = admin
    .getByRole("row")
    .filter({ hasText: formatAcademicYear(year) })
    .filter({ hasText: "Semester 1" });
  await expect(row).toContainText("Can be released now");
  await expectAccessible(admin);
  await row.getByRole("link", { name: `Release and e-mails ${roundLabel}` }).click();
  await expect(admin.getByRole("button", { name: "Release the decisions" })).toBeVisible();
  await expectAccessible(admin);
  const releasePage = new URL(admin.url()).pathname.replace(/^\/en/, "");
  await admin.getByRole("checkbox", { name: /I confirm the release/ }).check();
  await admin.getByRole("button", { name: "Release the decisions" }).click();
  await expect(admin.getByText(/Released on/).first()).toBeVisible({ timeout: 20_000 });
  await early.page.goto("/en/dossier/housing");
  await expect(early.page.getByText(/Résidence Luminy/).first()).toBeVisible();

  // A student applies after the release: the form says rooms are now offered as they free up.
  const late = await (await browser.newContext()).newPage();
  const lateEmail = uniqueEmail("late");
  await registerStudent(late, lateEmail, `Zoé Late${stamp}`);
  await fillApplication(late, "en", {
    university: /^Karlsruhe Institute of Technology/,
    lastName: `Late${stamp}`,
    frenchLevel: "B2",
    nextYear: true,
  });
  await late.goto("/en/apply/housing");
  await expect(late.getByText(/decisions for your arrival semester have already been sent/)).toBeVisible();
  await expectAccessible(late);
  await late.goto("/fr/apply/housing");
  await expect(late.getByText(/décisions pour votre semestre d'arrivée ont déjà été envoyées/)).toBeVisible();
  await expectAccessible(late);
  await late.goto("/en/apply/submit");
  await late.getByRole("button", { name: "Submit my application" }).click();
  await expect(late).toHaveURL(/\/en\/dossier$/);

  // The late request can be decided on the released round, and is mailed at once.
  await board.reload();
  await decide(board, `Late${stamp}`, "Accept", "Résidence Luminy");
  await expect(board.getByRole("row").filter({ hasText: `LATE${stamp}` })).toContainText("Accepted — Résidence Luminy");
  await expectAccessible(board);
  await late.goto("/en/dossier/housing");
  await expect(late.getByText(/Résidence Luminy/).first()).toBeVisible();
  await expectAccessible(late);
  const outbox = await readOutbox(path.resolve(".data/e2e-mail"));
  expect(outbox.filter((message) => message.to.includes(lateEmail) && /residence/i.test(message.subject))).toHaveLength(
    1,
  );
  // Its e-mail is audited like the release page's: who, and which request.
  const mailEvent = await e2eDatabase(
    async (db) =>
      (
        await db.query(
          `SELECT e."actorId", e."requestId" FROM "AuditEvent" e JOIN "HousingRequest" h ON h.id::text = e."entityId"
           JOIN "Application" a ON a.id = h."applicationId" JOIN "User" u ON u.id = a."studentId"
           WHERE u.email = $1 AND e.action = 'housing.decisionMail.send'`,
          [lateEmail],
        )
      ).rows,
  );
  expect(mailEvent).toHaveLength(1);
  expect(mailEvent[0].actorId).toBeTruthy();
  expect(mailEvent[0].requestId).toBeTruthy();

  // The changed pages pass axe in French too.
  for (const [page, url] of [
    [board, board.url().replace("/en/", "/fr/")],
    [admin, `/fr${releasePage}`],
    [admin, "/fr/admin/housing-rounds"],
    [admin, "/fr/review/housing/rounds"],
    [late, "/fr/dossier/housing"],
  ] as const) {
    await page.goto(url);
    await expectAccessible(page);
  }
  await admin.goto("/en/review/housing/rounds");
  await expectAccessible(admin);
});
