import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import QRCode from "qrcode";
import { academicYearOf } from "../../lib/academic-year.ts";
import { readOutbox } from "../../lib/mail/outbox.ts";
import { extractPdfText } from "../support/pdf-text.ts";
import { acceptApplication, submittedStudent } from "./application-support.ts";
import { demoAccounts, demoPassword, e2eDatabase, expectAccessible, signInAs } from "./support.ts";

const year = academicYearOf(new Date());

/** Clicks a letter's download link and reads the file: its bytes, SHA-256, text and code. */
async function downloadLetter(page: Page, name: RegExp) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const bytes = await readFile((await download.path())!);
  const text = extractPdfText(bytes).replace(/\s+/g, " ");
  const code = text.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0];
  return {
    bytes,
    text,
    code: code!,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    file: download.suggestedFilename(),
  };
}

test("accepting a dossier issues a letter the student downloads, whose name, dates and code check out (issue 15)", async ({
  browser,
}) => {
  // A name with diacritics and one in Chinese characters, as the WUT-AMU students have.
  const lastName = `Dvořák 王小明 ${Date.now().toString(36).slice(-4)}`;
  const { page: student, email } = await submittedStudent(browser, lastName);
  await acceptApplication(browser, lastName);

  await student.goto("/en/dossier");
  await expect(student.getByRole("heading", { name: "Letters", level: 2 })).toBeVisible();
  await expectAccessible(student);
  const letter = await downloadLetter(student, /Download Letter of acceptance \(version 1, English, PDF\)/);
  expect(letter.file).toBe("acceptance-letter-v1.pdf");
  expect(letter.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(letter.text).toContain(`Zoé ${lastName}`);
  expect(letter.text).toContain("王小明"); // as text, not boxes: the extractor maps every glyph back
  expect(letter.text).not.toContain("\uFFFD");
  expect(letter.text).toContain(`1 September ${year}`);
  expect(letter.text).toContain(`31 January ${year + 1}`);
  expect(letter.text).toContain("Karlsruhe Institute of Technology");

  // The same file went with the acceptance e-mail.
  const mail = (await readOutbox(path.resolve(".data/e2e-mail"))).find(
    (message) => message.to.includes(email) && message.subject === "Your exchange application is accepted",
  );
  expect(mail?.attachments).toEqual([
    expect.objectContaining({
      filename: "acceptance-letter-v1.pdf",
      contentType: "application/pdf",
      sha256: letter.sha256,
    }),
  ]);

  // Anyone can check it: valid, the name and dates as printed, and the file's hash.
  const checker = await (await browser.newContext()).newPage();
  await checker.goto(`/en/verify/${letter.code}`);
  await expect(checker.getByRole("heading", { name: "Check a letter from Aix-Marseille University" })).toBeVisible();
  await expect(checker.getByRole("status")).toHaveText("This letter is genuine and valid.");
  await expect(checker.getByText(`Zoé ${lastName}`)).toBeVisible();
  await expect(checker.getByText(`1 September ${year} to 31 January ${year + 1}`)).toBeVisible();
  await expect(checker.getByText(letter.sha256)).toBeVisible();
  await expectAccessible(checker);
  await checker.goto(`/fr/verify/${letter.code}`);
  await expect(checker.getByRole("status")).toHaveText("Cette lettre est authentique et valide.");
  await expectAccessible(checker);
});

test("staff reissue the letter in French; the student downloads it; the old code reads 'replaced' (issue 15)", async ({
  browser,
}) => {
  const lastName = `Ελένη ${Date.now().toString(36).slice(-4)}`;
  const { page: student } = await submittedStudent(browser, lastName);
  await acceptApplication(browser, lastName);
  await student.goto("/fr/dossier");
  const first = await downloadLetter(student, /Télécharger : Lettre d'admission \(version 1, Anglais, PDF\)/);

  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, demoAccounts.sciences.email, demoPassword, "fr");
  await reviewer.goto(`/fr/review?q=${encodeURIComponent(lastName.toLowerCase())}`);
  await reviewer.getByRole("link", { name: new RegExp(`^${lastName.toUpperCase()} Zoé`) }).click();
  await expect(reviewer.getByRole("heading", { name: "Lettres", level: 2 })).toBeVisible();
  await expectAccessible(reviewer);
  // The letter in French on request, then a corrected English one (the first becomes "replaced").
  for (const option of ["Français", "Anglais"]) {
    await reviewer.getByLabel("Langue de la lettre").selectOption({ label: option });
    await reviewer.getByRole("button", { name: "Délivrer la lettre" }).click();
    await expect(reviewer.getByRole("status").filter({ hasText: "La lettre est délivrée" })).toBeVisible();
    await expect(
      reviewer.getByRole("link", { name: new RegExp(`\\(version \\d, ${option}, PDF\\)`) }).first(),
    ).toBeVisible();
  }

  await student.goto("/fr/dossier");
  await expectAccessible(student);
  const french = await downloadLetter(student, /Télécharger : Lettre d'admission \(version 1, Français, PDF\)/);
  expect(french.file).toBe("lettre-admission-v1.pdf");
  expect(french.text).toContain("Lettre d'admission");
  expect(french.text).toContain(`Zoé ${lastName}`);
  expect(french.text).toContain(`1 septembre ${year}`);

  const checker = await (await browser.newContext()).newPage();
  await checker.goto(`/fr/verify/${first.code}`);
  await expect(checker.getByRole("status")).toHaveText(/remplacée par une version plus récente/);
  await expect(checker.getByText(first.sha256)).toBeVisible();
  await checker.goto(`/fr/verify/${french.code}`);
  await expect(checker.getByRole("status")).toHaveText("Cette lettre est authentique et valide.");

  // Unknown and malformed codes say so, in the reader's language.
  await checker.goto("/en/verify/0000-0000-0000");
  await expect(checker.getByRole("main").getByRole("alert")).toHaveText(/No letter has this code/);
  await checker.goto("/fr/verify/not-a-code");
  await expect(checker.getByRole("main").getByRole("alert")).toHaveText(/Ce n'est pas un code de vérification/);
  await expectAccessible(checker);
});

test("once arrived, the student asks for a certificate of arrival; the correspondent confirms it; the student downloads it (issue 15)", async ({
  browser,
}) => {
  const lastName = `Ковальчук ${Date.now().toString(36).slice(-4)}`;
  const { page: student, email } = await submittedStudent(browser, lastName);
  await acceptApplication(browser, lastName);

  // Before arrival the request is refused, and says why.
  await student.goto("/en/dossier");
  await student.getByRole("button", { name: "Ask for a certificate of arrival" }).click();
  await expect(student.getByRole("main").getByRole("alert").filter({ hasText: "arrival date" })).toBeVisible();
  // The arrival date, as the arrival checklist records it.
  await e2eDatabase((client) =>
    client.query(
      `INSERT INTO "ArrivalChecklist" ("id", "applicationId", "nationality", "visaType", "arrivalDate", "updatedAt")
       SELECT gen_random_uuid(), a.id, 'UA', 'VLS_TS', $2::date, now() FROM "Application" a JOIN "User" u ON u.id = a."studentId" WHERE u.email = $1`,
      [email, `${year}-09-04`],
    ),
  );
  await student.reload();
  await student.getByRole("button", { name: "Ask for a certificate of arrival" }).click();
  await expect(student.getByRole("status").filter({ hasText: "Your request is sent" })).toBeVisible();
  await expect(student.getByText("Waiting for the correspondent")).toBeVisible();

  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, demoAccounts.sciences.email, demoPassword);
  await reviewer.goto(`/en/review?q=${encodeURIComponent(lastName.toLowerCase())}`);
  await reviewer.getByRole("link", { name: new RegExp(`^${lastName.toUpperCase()} Zoé`) }).click();
  await expect(reviewer.getByLabel("Arrival date (start of the stay)")).toHaveValue(`${year}-09-04`);
  await expectAccessible(reviewer);
  await reviewer.getByRole("button", { name: "Confirm the dates and issue" }).click();
  // Issued, the request leaves the pending forms and its certificate joins the letters.
  await expect(
    reviewer.getByRole("link", { name: /Download Certificate of arrival \(version 1, English, PDF\)/ }),
  ).toBeVisible();

  await student.reload();
  await expect(student.getByText("Issued", { exact: true })).toBeVisible();
  const certificate = await downloadLetter(student, /Download Certificate of arrival \(version 1, English, PDF\)/);
  expect(certificate.text).toContain("Certificate of arrival");
  expect(certificate.text).toContain(`Zoé ${lastName}`);
  expect(certificate.text).toContain(`arrived on 4 September ${year}`);
});

test("an administrator edits a letter template; an unknown placeholder is refused and what was typed is kept (issue 15)", async ({
  page,
}) => {
  await signInAs(page, demoAccounts.admin.email, demoPassword, "fr");
  await page.goto("/fr/admin/letters");
  await expect(page.getByRole("heading", { name: "Modèles de lettres", level: 1 })).toBeVisible();
  await expectAccessible(page);
  const form = page.getByRole("region", { name: "Attestation de présence (Anglais)" });
  const body = form.getByLabel("Texte");
  await body.fill("We certify that {{passportNumber}} attended.");
  await form.getByRole("button", { name: "Enregistrer ce modèle" }).click();
  await expect(form.getByText("Ce texte utilise un champ qui n'existe pas")).toBeVisible();
  await expect(body).toHaveValue("We certify that {{passportNumber}} attended.");
  await expectAccessible(page);

  await page.goto("/en/admin/letters");
  await expect(page.getByRole("heading", { name: "Letter templates", level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test("an administrator uploads the signature image (a file that is not an image is refused) and previews a letter with it (issue 15)", async ({
  page,
}) => {
  await signInAs(page, demoAccounts.admin.email, demoPassword, "en");
  await page.goto("/en/admin/letters");
  const signature = page.getByRole("region", { name: "Signature image" });
  const input = signature.getByLabel("Signature image (PNG or JPEG, at most 500 KB)");

  await input.setInputFiles({ name: "signature.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
  await signature.getByRole("button", { name: "Upload this signature" }).click();
  await expect(signature.getByRole("alert")).toContainText("The signature must be a PNG or JPEG image.");
  await expect(input).toHaveAccessibleDescription(/The signature must be a PNG or JPEG image\./);
  await expectAccessible(page);

  const png = await QRCode.toBuffer("Dr Claire Martin", { type: "png" });
  await input.setInputFiles({ name: "signature.png", mimeType: "image/png", buffer: png });
  await signature.getByRole("button", { name: "Upload this signature" }).click();
  await expect(signature.getByText("The signature image is saved.")).toBeVisible();
  await expectAccessible(page);

  // The preview: the saved wording for the sample student, with the signature drawn.
  const href = await page
    .getByRole("link", { name: "Preview “Letter of acceptance (English)” with a sample student (PDF)" })
    .getAttribute("href");
  const preview = await page.request.get(href!);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
  const bytes = await preview.body();
  expect(extractPdfText(bytes).replace(/\s+/g, " ")).toContain("Zoë Élodie Dvořák-Nguyễn");
  expect(bytes.toString("latin1")).toMatch(/\/Subtype\s*\/Image/);

  await page.goto("/fr/admin/letters");
  await expect(
    page.getByRole("region", { name: "Image de la signature" }).getByText("Une image de signature est enregistrée"),
  ).toBeVisible();
  await expectAccessible(page);
});
