import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { arrangeDossiers } from "./ir-lists-support";
import { demoAccounts, demoPassword, expectAccessible, signInAs } from "./support";

/**
 * R-MSG-9 (issue 14): the correspondent ticks two dossiers in the queue and sends them one
 * message; bad text is refused next to the field and kept; each student reads the message in
 * their own thread. Axe on the queue with the message field open and on the student's page.
 */
test("English: a message sent to two ticked dossiers reaches each student's thread", async ({ browser }) => {
  test.setTimeout(180_000);
  const lastName = `Note${randomBytes(3).toString("hex")}`;
  const [anaEmail] = await arrangeDossiers(
    [
      { firstName: "Ana", lastName },
      { firstName: "Ben", lastName },
    ],
    { signable: true },
  );
  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, demoAccounts.sciences.email, demoPassword, "en");
  await reviewer.goto(`/en/review?q=${lastName.toLowerCase()}`);
  await reviewer.getByRole("checkbox", { name: `Select ${lastName.toUpperCase()} Ana` }).check();
  await reviewer.getByRole("checkbox", { name: `Select ${lastName.toUpperCase()} Ben` }).check();
  await reviewer.getByLabel("What to do").selectOption({ label: "Send a message to the students" });
  const field = reviewer.getByLabel("Message", { exact: true });
  await expectAccessible(reviewer);

  // A control character is refused on the field, and what was typed stays.
  await field.fill("Bad \u0007 text");
  await reviewer.getByRole("button", { name: "Apply to the ticked dossiers" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue("Bad \u0007 text");

  const text = `The integration week starts on Monday at 9:00 (${lastName}).`;
  await field.fill(text);
  await reviewer.getByRole("button", { name: "Apply to the ticked dossiers" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Message posted in 2 dossiers." })).toBeVisible();

  const student = await (await browser.newContext()).newPage();
  await signInAs(student, anaEmail!, demoPassword, "en");
  await student.goto("/en/dossier");
  await expect(student.getByText(text)).toBeVisible();
  await expectAccessible(student);
});
