import { expect, test } from "@playwright/test";
import { addMonths, daysBetween, parisDay } from "../../lib/paris-time.ts";
import { acceptApplication, submittedStudent } from "./application-support";
import { demoAccounts, demoPassword, e2eDatabase, expectAccessible, signInAs } from "./support";

const pdf = (name: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
});
const checklistsOf = (email: string) =>
  e2eDatabase(async (client) =>
    Number(
      (
        await client.query(
          `SELECT count(*) FROM "ArrivalChecklist" c JOIN "Application" a ON a.id = c."applicationId" JOIN "User" u ON u.id = a."studentId" WHERE u.email = $1`,
          [email],
        )
      ).rows[0].count,
    ),
  );

test("a student from outside Europe records the arrival, sees the deadline, completes the steps and records the AGDREF number", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const lastName = `Arrival${Date.now()}`;
  const { page, email } = await submittedStudent(browser, lastName);
  await acceptApplication(browser, lastName);

  // From the dossier to the checklist.
  await page.goto("/en/dossier");
  await page.getByRole("link", { name: "My arrival checklist" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Arrival in France" })).toBeVisible();
  await expectAccessible(page);

  // R-VIS-1: an arrival before the acceptance (yesterday) is refused on the field; what was typed stays; nothing saved.
  const today = parisDay(new Date());
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Nationality").selectOption({ label: "Brazil" });
  await page.getByRole("radio", { name: /Long-stay visa valid as a residence permit/ }).check();
  await page.getByLabel("Date of arrival in France").fill(yesterday);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#arrivalDate-error")).toContainText("The arrival date cannot be before");
  await expect(page.getByLabel("Date of arrival in France")).toHaveValue(yesterday);
  await expect(page.getByLabel("Nationality")).toHaveValue("BR");
  expect(await checklistsOf(email)).toBe(0);
  await expectAccessible(page);

  // Today: the online validation applies (3 months), with the deadline and the days left.
  await page.getByLabel("Date of arrival in France").fill(today);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const deadline = addMonths(today, 3);
  await expect(page.getByText(`${daysBetween(today, deadline)} days left.`)).toBeVisible();
  await expect(page.getByText(/Complete the procedure by .*\d{4}\./)).toBeVisible();
  await expect(page.getByText("Online VLS-TS validation")).toBeVisible();
  await expect(page.getByText(/Fee: Electronic tax stamp \(VLS-TS validation\), €50\.00\./)).toBeVisible();
  expect(await checklistsOf(email)).toBe(1);

  // A step waits for its copy.
  const first = page.getByRole("checkbox", { name: "I have done this step: Buy the electronic tax stamp" });
  await first.check();
  await expect(page.locator("p[id$='-error']").filter({ hasText: "1 copy is missing for this step" })).toBeVisible();
  await expect(first).not.toBeChecked();

  // The copies, then each step.
  const steps: [string, string][] = [
    ["Stamp receipt", "Buy the electronic tax stamp"],
    ["Passport pages (identity, visa, entry stamp)", "Validate the visa online"],
    ["Visa validation (sticker or certificate)", "Download the validation certificate"],
  ];
  for (const [copy, step] of steps) {
    await page.getByLabel(copy, { exact: true }).setInputFiles(pdf(`${copy.split(" ")[0]!.toLowerCase()}.pdf`));
    await expect(
      page.getByRole("link", { name: new RegExp(`${copy.split(" ")[0]!.toLowerCase()}\\.pdf`) }),
    ).toBeVisible();
    await page.getByRole("checkbox", { name: `I have done this step: ${step}` }).check();
    await expect(page.getByText(`“${step}” marked as done.`)).toBeAttached();
  }
  await page.reload();
  await expect(page.getByText("3 of 3 steps done.")).toBeVisible();

  // R-VIS-4: the number, format-checked, ends the checklist.
  await page.getByLabel("AGDREF number").fill("12345");
  await page.getByRole("button", { name: "Record the number" }).click();
  await expect(page.locator("#foreignNumber-error")).toContainText("Enter the ten digits of the number");
  await expect(page.getByLabel("AGDREF number")).toHaveValue("12345");
  await page.getByLabel("AGDREF number").fill("75 01 23 45 67");
  await page.getByRole("button", { name: "Record the number" }).click();
  await expect(page.getByText("Recorded: 7501234567. Your arrival checklist is complete.")).toBeVisible();
  await expect(page.getByText("Done: your residence permit is validated.")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/fr/dossier/arrival");
  await expect(page.getByRole("heading", { level: 1, name: "Arrivée en France" })).toBeVisible();
  await expectAccessible(page);

  // The correspondent sees it done, in the list and in the CSV export.
  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, demoAccounts.sciences.email, demoPassword);
  await reviewer.goto("/en/review/arrivals");
  await expect(reviewer.getByRole("heading", { level: 1, name: "Arrivals and residence permits" })).toBeVisible();
  const row = reviewer.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Done");
  await expect(row).toContainText("3/3");
  await expect(row).not.toContainText("7501234567");
  await expectAccessible(reviewer);
  await reviewer.getByLabel("Status").selectOption({ label: "Done" });
  await reviewer.getByRole("button", { name: "Apply the filters" }).click();
  await expect(reviewer).toHaveURL(/status=DONE/);
  const csv = await reviewer.request.get(
    await reviewer
      .getByRole("link", { name: "CSV file" })
      .getAttribute("href")
      .then((href) => href!),
  );
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await csv.text();
  expect(text).toContain(email);
  expect(text).not.toContain("7501234567");
  await reviewer.goto("/fr/review/arrivals");
  await expectAccessible(reviewer);

  // A student is not staff: the list and the export answer as if they did not exist.
  expect((await page.request.get("/api/arrivals/export")).status()).toBe(404);
});

test("an EU student sees that the residence-permit checklist does not apply", async ({ browser }) => {
  test.setTimeout(180_000);
  const lastName = `Europe${Date.now()}`;
  const { page } = await submittedStudent(browser, lastName);
  await acceptApplication(browser, lastName);
  await page.goto("/en/dossier/arrival");
  // The application's nationality (Germany) is proposed.
  await expect(page.getByLabel("Nationality")).toHaveValue("DE");
  await page.getByRole("radio", { name: "No visa" }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/you need no visa and no residence permit to study in France/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your deadline" })).toHaveCount(0);
  await expect(page.getByText(/compulsory for all newcomers from outside Europe/)).toHaveCount(0);
  await expectAccessible(page);
});

test("an admin edits a procedure started by students: it becomes a new version, the years follow it; fees and axe", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A student has started the online validation (arranged here, so the test stands alone).
  await e2eDatabase(async (client) => {
    const user = await client.query<{ id: string }>(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES (gen_random_uuid(), $1, 'Visa Started', 'unused', 'STUDENT', now()) RETURNING "id"`,
      [`visa-started-${Date.now()}@example.org`],
    );
    const application = await client.query<{ id: string }>(
      `INSERT INTO "Application" ("id", "studentId", "status", "academicYear", "decidedAt", "updatedAt") VALUES (gen_random_uuid(), $1, 'ACCEPTED', $2, now(), now()) RETURNING "id"`,
      [user.rows[0]!.id, new Date().getUTCFullYear()],
    );
    await client.query(
      `INSERT INTO "ArrivalChecklist" ("id", "applicationId", "nationality", "visaType", "procedureId", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'BR', 'VLS_TS', (SELECT "id" FROM "VisaProcedure" WHERE "code" = 'vls-ts-online' AND "supersededAt" IS NULL), now())`,
      [application.rows[0]!.id],
    );
  });

  await signInAs(page, demoAccounts.admin.email, demoPassword);
  await page.goto("/en/admin");
  await page.getByRole("link", { name: "Residence permits (visa)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Residence permits (visa)" })).toBeVisible();
  await expectAccessible(page);

  // A fee: a bad amount is refused next to the field; a good one is saved.
  const fee = page.getByLabel("OFII stamp (€)");
  await fee.fill("fifty");
  await fee.locator("xpath=ancestor::form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter an amount in euros from 0 to 10,000, such as 58 or 58.50.")).toBeVisible();
  await expect(page.getByLabel("OFII stamp (€)")).toHaveValue("fifty");
  await page.getByLabel("OFII stamp (€)").fill("60");
  await page.getByLabel("OFII stamp (€)").locator("xpath=ancestor::form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(page.getByLabel("OFII stamp (€)")).toHaveValue("60.00");

  // The editor: an emptied title is refused next to it, the steps kept as edited.
  await page.getByRole("link", { name: /^Online VLS-TS validation \(edit\)/ }).click();
  await expect(
    page.getByText(/students? ha(s|ve) started this version: saving creates the next version/),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Add a step" }).click();
  await page.getByLabel("Title (French)").nth(3).fill("Rendez-vous à la préfecture");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("Title (English)").nth(3)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Title (French)").nth(3)).toHaveValue("Rendez-vous à la préfecture");
  await page.getByLabel("Title (English)").nth(3).fill("Appointment at the prefecture");
  await page
    .getByLabel("Instructions (French)")
    .nth(3)
    .fill("Si la préfecture vous convoque, présentez-vous avec votre passeport.");
  await page.getByLabel("Instructions (English)").nth(3).fill("If the prefecture calls you in, go with your passport.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/Saved as a new version/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Online VLS-TS validation (v2)" })).toBeVisible();

  // The list: v2 current and used by the years, v1 kept for the students who started it.
  await page.getByRole("link", { name: "Back to the residence-permit procedures" }).click();
  const rows = page.getByRole("row").filter({ hasText: "Online VLS-TS validation" });
  await expect(rows.filter({ hasText: "v2" })).toContainText("Current");
  await expect(rows.filter({ hasText: "v1" })).toContainText("Replaced by a newer version");
  await page.goto("/fr/admin/visa");
  await expectAccessible(page);
});
