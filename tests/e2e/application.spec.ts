import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { readOutbox } from "../../lib/mail/outbox.ts";
import { fillApplication, labels } from "./application-support";
import { demoAccounts, demoPassword, expectAccessible, registerStudent, signInAs, uniqueEmail } from "./support";

const registerIn = (page: Page, locale: "fr" | "en", email: string, name: string) =>
  registerStudent(page, email, name, locale);

test("apply in French below B2, changes requested, resubmit, accepted in English, e-mails sent", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("journey");
  const lastName = `Journey${Date.now()}`;
  const student = await (await browser.newContext()).newPage();

  // The student applies, in French, with a B1 level of French.
  await registerIn(student, "fr", email, `Zoé ${lastName}`);
  await fillApplication(student, "fr", {
    university: /^Karlsruhe Institute of Technology/,
    lastName,
    frenchLevel: "B1",
  });
  await expect(student.getByRole("note")).toContainText("inférieur à B2");
  await expectAccessible(student);
  await student.getByRole("button", { name: labels.fr.submit }).click();
  await expect(student).toHaveURL(/\/fr\/dossier$/);
  await expect(student.getByTestId("application-status")).toHaveText("Déposée");
  await expect(student.getByRole("note")).toContainText("FLE");
  await expectAccessible(student);

  // After submission the form is read-only.
  await student.goto("/fr/apply/identity");
  await expect(student.getByText("n'est plus modifiable")).toBeVisible();
  await expect(student.getByRole("button", { name: labels.fr.save })).toHaveCount(0);

  // A correspondent of another faculty does not see the dossier, not even by its address.
  const lawyer = await (await browser.newContext()).newPage();
  await signInAs(lawyer, demoAccounts.law.email, demoPassword);
  await lawyer.goto(`/en/review?q=${lastName.toLowerCase()}`);
  await expect(lawyer.getByRole("heading", { level: 1, name: "Dossiers to review" })).toBeVisible();
  await expect(lawyer.getByText(lastName, { exact: false })).toHaveCount(0);
  const applicationId = await applicationIdOf(email);
  const response = await lawyer.goto(`/en/review/${applicationId}`);
  expect(response?.status()).toBe(404);

  // The right correspondent finds it, starts the review and asks for changes.
  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, demoAccounts.sciences.email, demoPassword);
  await reviewer.goto("/en/review");
  await reviewer.getByLabel("Search by name, e-mail or home university").fill(lastName.toLowerCase());
  await reviewer.getByRole("button", { name: "Apply the filters" }).click();
  await expectAccessible(reviewer);
  await reviewer.getByRole("link", { name: new RegExp(lastName, "i") }).click();
  await expect(reviewer.getByText("French below B2 or unknown")).toBeVisible();
  await expect(reviewer.getByText(/of 6 seats used/)).toBeVisible();
  await expectAccessible(reviewer);
  await reviewer.getByRole("button", { name: "Start the review" }).click();
  await expect(reviewer.getByTestId("application-status")).toHaveText("Under review");
  await reviewer.getByLabel("Message to the student").fill("Please add the French course you will follow.");
  await reviewer.getByRole("button", { name: "Send the request for changes" }).click();
  await expect(reviewer.getByTestId("application-status")).toHaveText("Changes requested");
  await reviewer.getByLabel("Comment (seen by staff only)").fill("Internal: good transcript.");
  await reviewer.getByRole("button", { name: "Add the comment" }).click();
  await expect(reviewer.getByText("Internal: good transcript.")).toBeVisible();

  // The student sees the request (not the internal comment), fixes and submits again.
  await student.goto("/fr/dossier");
  await expect(student.getByTestId("application-status")).toHaveText("Modifications demandées");
  await expect(student.getByText("Please add the French course you will follow.")).toBeVisible();
  await expect(student.getByText("Internal: good transcript.")).toHaveCount(0);
  await student.getByRole("link", { name: "Modifier ma candidature" }).click();
  await student.goto("/fr/apply/languages");
  await student.getByLabel(labels.fr.french).selectOption("B2");
  await student.getByRole("button", { name: labels.fr.save }).click();
  await student.goto("/fr/apply/submit");
  await student.getByRole("button", { name: labels.fr.resubmit }).click();
  await expect(student.getByTestId("application-status")).toHaveText("Déposée");

  // The correspondent accepts; a second, stale decision form is refused as changed.
  await reviewer.reload();
  const stale = await (await browser.newContext()).newPage();
  await signInAs(stale, demoAccounts.sciences.email, demoPassword);
  await stale.goto(`/en/review/${applicationId}`);
  await reviewer.getByLabel("Note (optional)").fill("Welcome to Marseille!");
  await reviewer.getByRole("button", { name: "Accept this application" }).click();
  await expect(reviewer.getByTestId("application-status")).toHaveText("Accepted");
  await stale.getByLabel("Reason").fill("Too late");
  // Rejecting asks for confirmation first (issue 14): the reviewer confirms.
  stale.once("dialog", (dialog) => void dialog.accept());
  await stale.getByRole("button", { name: "Reject this application" }).click();
  await expect(stale.getByRole("main").getByRole("alert").filter({ hasText: "This dossier changed" })).toBeVisible();

  // The student sees the decision, and the e-mails reached the SMTP sink in French.
  await student.goto("/fr/dossier");
  await expect(student.getByTestId("application-status")).toHaveText("Acceptée");
  await expect(student.getByText("Welcome to Marseille!")).toBeVisible();
  const subjects = (await readOutbox(path.resolve(".data/e2e-mail")))
    .filter((message) => message.to.includes(email))
    .map((message) => message.subject);
  expect(subjects).toEqual(
    expect.arrayContaining([
      "Nous avons bien reçu votre candidature d'échange",
      "Modifications demandées sur votre candidature d'échange",
      "Votre candidature d'échange est acceptée",
    ]),
  );
});

test("a student from a university without an agreement is told at once, before anything else is asked (R-ELI-1)", async ({
  page,
}) => {
  await registerIn(page, "en", uniqueEmail("davis"), "Davis Student");
  await page.goto("/en/apply/home");
  const university = page.getByLabel(labels.en.university);
  const option = (await university.locator("option").allTextContents()).find((text) =>
    /^University of California, Davis/.test(text),
  );
  await university.selectOption({ label: option! });
  await expect(page.getByText("AMU has no exchange agreement with this university")).toBeVisible();
  await expect(page.getByText("write to AMU's international relations office")).toBeVisible();
  await expectAccessible(page);
});

test("the home-university step explains what to do when the university is not listed", async ({ page }) => {
  await registerIn(page, "en", uniqueEmail("unlisted"), "Unlisted Student");
  await page.goto("/en/apply/home");
  await page.getByText("My university is not in the list").click();
  await expect(
    page.getByText(/only apply to study at AMU on exchange if your university has an exchange agreement/),
  ).toBeVisible();
  await expectAccessible(page);
});

async function applicationIdOf(email: string): Promise<string> {
  const { e2eDatabase } = await import("./support");
  return e2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT a.id FROM "Application" a JOIN "User" u ON u.id = a."studentId" WHERE u.email = $1`,
      [email],
    );
    return rows[0]!.id;
  });
}
