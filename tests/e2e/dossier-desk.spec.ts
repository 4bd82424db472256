/**
 * Issue 14 (first half), in both languages: a student answers a request for changes and the
 * correspondent sees it with its unread count; the correspondent previews a PDF and a photo in
 * the dossier, marks a document "to be replaced", and the student replaces it; long text never
 * widens a page; every page touched passes axe.
 */
import { expect, type Page, test } from "@playwright/test";
import { submittedStudent } from "./application-support";
import { demoAccounts, demoPassword, e2eDatabase, expectAccessible, signInAs } from "./support";

const texts = {
  en: {
    startReview: "Start the review",
    changesMessage: "Message to the student",
    sendRequest: "Send the request for changes",
    yourMessage: "Your message",
    send: "Send the message",
    sent: "Your message was sent",
    contacts: "Your contacts",
    officeHours: "Monday to Thursday, 9:00–12:00",
    oneNew: "1 new",
    oneNewMessage: "1 new message",
    noNewMessage: "No new message",
    passport: "Passport identity page",
    photo: "Photo",
    preview: (document: string) => `Preview ${document}`,
    previewOf: (document: string) => `Preview of ${document}`,
    check: (document: string) => `${document}: check`,
    toReplace: "To be replaced",
    note: (document: string) => `${document}: what the student must change`,
    save: (document: string) => `Save the check of ${document}`,
    notChecked: "Not checked yet",
    replaceTitle: "Documents to replace",
  },
  fr: {
    startReview: "Commencer l'examen",
    changesMessage: "Message à l'étudiant·e",
    sendRequest: "Envoyer la demande de modifications",
    yourMessage: "Votre message",
    send: "Envoyer le message",
    sent: "Votre message a été envoyé",
    contacts: "Vos contacts",
    officeHours: "Du lundi au jeudi, 9 h – 12 h",
    oneNew: "1 nouveau",
    oneNewMessage: "1 nouveau message",
    noNewMessage: "Aucun nouveau message",
    passport: "Page d'identité du passeport",
    photo: "Photo",
    preview: (document: string) => `Aperçu : ${document}`,
    previewOf: (document: string) => `Aperçu de ${document}`,
    check: (document: string) => `${document} : vérification`,
    toReplace: "À remplacer",
    note: (document: string) => `${document} : ce que l’étudiant·e doit changer`,
    save: (document: string) => `Enregistrer la vérification : ${document}`,
    notChecked: "Pas encore vérifié",
    replaceTitle: "Documents à remplacer",
  },
} as const;

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function reviewerOn(page: Page, locale: "en" | "fr", lastName: string) {
  await page.goto(`/${locale}/review?q=${lastName.toLowerCase()}`);
  await page.getByRole("link", { name: new RegExp(`^${lastName.toUpperCase()} Zoé`) }).click();
  await expect(page.getByTestId("application-status")).toBeVisible();
}

/** The page is no wider than the window: nothing overflows sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

for (const locale of ["en", "fr"] as const) {
  const t = texts[locale];

  test(`${locale}: a student answers a request for changes and the correspondent sees it, with its unread count`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const lastName = `Thread${locale}${Date.now()}`;
    const { page: student } = await submittedStudent(browser, lastName);
    const reviewer = await (await browser.newContext()).newPage();
    await signInAs(reviewer, demoAccounts.sciences.email, demoPassword, locale);

    await reviewerOn(reviewer, locale, lastName);
    await reviewer.getByRole("button", { name: t.startReview }).click();
    await reviewer.getByLabel(t.changesMessage).fill("Please add the French course you will follow.");
    await reviewer.getByRole("button", { name: t.sendRequest }).click();
    await expect(reviewer.getByText("Please add the French course you will follow.")).toBeVisible();

    // The student knows who their contact is, and answers in the thread.
    await student.goto(`/${locale}/dossier`);
    const contacts = student.getByRole("region", { name: t.contacts });
    await expect(contacts.getByText(demoAccounts.sciences.name, { exact: false })).toBeVisible();
    await expect(contacts.getByText(t.officeHours, { exact: false })).toBeVisible();
    // A message with a control character is a field error, and the text is kept.
    await student.getByLabel(t.yourMessage).fill("Bad \u0007 text");
    await student.getByRole("button", { name: t.send }).click();
    await expect(student.getByLabel(t.yourMessage)).toHaveValue("Bad \u0007 text");
    await expect(student.getByLabel(t.yourMessage)).toHaveAttribute("aria-invalid", "true");
    await student.getByLabel(t.yourMessage).fill(`Which French course do you advise? (${locale})`);
    await student.getByRole("button", { name: t.send }).click();
    await expect(student.getByRole("status").filter({ hasText: t.sent })).toBeVisible();
    await expect(student.getByText(`Which French course do you advise? (${locale})`)).toBeVisible();
    await expectAccessible(student);

    // The queue shows the unread message; the dossier shows it, then it is read.
    await reviewer.goto(`/${locale}/review?q=${lastName.toLowerCase()}`);
    const row = reviewer.getByRole("row").filter({ hasText: lastName.toUpperCase() });
    await expect(row.getByText(t.oneNew, { exact: true })).toBeVisible();
    await expectAccessible(reviewer);
    await reviewerOn(reviewer, locale, lastName);
    await expect(reviewer.getByTestId("unread-messages")).toHaveText(t.oneNewMessage);
    await expect(reviewer.getByText(`Which French course do you advise? (${locale})`)).toBeVisible();
    await expectAccessible(reviewer);
    await expect
      .poll(async () => {
        await reviewer.reload();
        return reviewer.getByTestId("unread-messages").textContent();
      })
      .toBe(t.noNewMessage);

    // The correspondent answers; the student sees the answer as new.
    await reviewer.getByLabel(t.yourMessage).fill("Take the FLE course B2, on Tuesdays.");
    await reviewer.getByRole("button", { name: t.send }).click();
    await expect(reviewer.getByText("Take the FLE course B2, on Tuesdays.")).toBeVisible();
    await student.reload();
    await expect(student.getByTestId("unread-messages")).toHaveText(t.oneNewMessage);
    await expect(student.getByText("Take the FLE course B2, on Tuesdays.")).toBeVisible();

    // Long text never widens a page: a 20,000-character word in a message and in a comment.
    await e2eDatabase(async (client) => {
      const { rows } = await client.query<{ id: string; studentId: string }>(
        `SELECT a."id", a."studentId" FROM "Application" a WHERE a."lastName" = $1`,
        [lastName],
      );
      const { id, studentId } = rows[0]!;
      await client.query(
        `INSERT INTO "DossierMessage" ("id", "applicationId", "authorId", "side", "body") VALUES (gen_random_uuid(), $1, $2, 'STUDENT', $3)`,
        [id, studentId, "W".repeat(20_000)],
      );
      await client.query(
        `INSERT INTO "ApplicationNote" ("id", "applicationId", "authorId", "kind", "body")
         SELECT gen_random_uuid(), $1, u."id", 'INTERNAL_COMMENT', $2 FROM "User" u WHERE u."email" = $3`,
        [id, "C".repeat(20_000), demoAccounts.sciences.email],
      );
    });
    await student.reload();
    await expectNoSidewaysScroll(student);
    await reviewer.reload();
    await expectNoSidewaysScroll(reviewer);
    await reviewer.setViewportSize({ width: 390, height: 800 });
    await reviewer.reload();
    await expectNoSidewaysScroll(reviewer);
  });

  test(`${locale}: the correspondent previews a PDF and a photo, asks for a document to be replaced, and the student replaces it`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const lastName = `Preview${locale}${Date.now()}`;
    const { page: student } = await submittedStudent(browser, lastName);
    const reviewer = await (await browser.newContext()).newPage();
    await signInAs(reviewer, demoAccounts.sciences.email, demoPassword, locale);
    await reviewerOn(reviewer, locale, lastName);

    // The PDF opens in a frame, from the same route, inline and sandboxed.
    const pdfResponse = reviewer.waitForResponse((response) => response.url().includes("?preview=1"));
    await reviewer.getByText(t.preview(t.passport), { exact: true }).click();
    const response = await pdfResponse;
    expect(response.status()).toBe(200);
    // Chromium keeps only frame-ancestors of a PDF's policy for its viewer: the server's own
    // headers are read with the reviewer's session, as sent.
    const sent = await reviewer.request.get(response.url());
    expect(sent.headers()["content-disposition"]).toMatch(/^inline;/);
    expect(sent.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
    expect(sent.headers()["x-content-type-options"]).toBe("nosniff");
    expect(sent.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    await expect(reviewer.getByTitle(t.previewOf(t.passport))).toBeVisible();
    await expect.poll(() => reviewer.frames().some((frame) => frame.url().includes("?preview=1"))).toBe(true);
    expect(reviewer.frames().some((frame) => frame.url().startsWith("chrome-error:"))).toBe(false);

    // The photo shows as an image.
    await reviewer.getByText(t.preview(t.photo), { exact: true }).click();
    const photo = reviewer.getByRole("img", { name: t.previewOf(t.photo) });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(reviewer);

    // The passport is to be replaced, with what to change.
    const passportCheck = reviewer.getByRole("group", { name: t.check(t.passport) });
    await passportCheck.getByRole("radio", { name: t.toReplace }).check();
    await reviewer.getByLabel(t.note(t.passport)).fill("The scan is cut: send the whole page.");
    // Each document's checklist has a "to be replaced" choice; the saved verdict adds its status line.
    const choices = await reviewer.getByText(t.toReplace, { exact: true }).count();
    await reviewer.getByRole("button", { name: t.save(t.passport) }).click();
    await expect(reviewer.getByText(t.toReplace, { exact: true })).toHaveCount(choices + 1);

    // The student reads why and replaces the file, though the application is submitted.
    await student.goto(`/${locale}/dossier`);
    const toReplace = student.getByRole("region", { name: t.replaceTitle });
    await expect(toReplace.getByText("The scan is cut: send the whole page.")).toBeVisible();
    await expectAccessible(student);
    await toReplace
      .getByLabel(t.passport, { exact: true })
      .setInputFiles({ name: "passport-full.pdf", mimeType: "application/pdf", buffer: pdf });
    await expect(student.getByRole("link", { name: /passport-full\.pdf/ })).toBeVisible();
    await student.reload();
    await expect(student.getByRole("region", { name: t.replaceTitle })).toHaveCount(0);

    // The reviewer sees the new file, unchecked again.
    await reviewer.reload();
    await expect(reviewer.getByText(/passport-full\.pdf/)).toBeVisible();
    await expect(reviewer.getByText(t.notChecked).first()).toBeVisible();
  });
}

for (const locale of ["en", "fr"] as const) {
  const admin = {
    en: {
      mailSetting: "Only say there is a new message, with the link",
      save: "Save",
      officeHours: "Office hours (English)",
    },
    fr: {
      mailSetting: "Annoncer seulement un nouveau message, avec le lien",
      save: "Enregistrer",
      officeHours: "Permanences (en anglais)",
    },
  }[locale];

  test(`${locale}: the admin sets the messages' e-mails and a faculty's office hours; both pages pass axe`, async ({
    page,
  }) => {
    await signInAs(page, demoAccounts.admin.email, demoPassword, locale);
    await page.goto(`/${locale}/admin/settings`);
    await expectAccessible(page);
    await expect(page.getByRole("radio", { name: admin.mailSetting })).toBeVisible();

    await page.goto(`/${locale}/admin/components`);
    await page
      .getByRole("link", { name: /SCIENCES/ })
      .first()
      .click();
    await expect(page.getByLabel(admin.officeHours)).toHaveValue(/Monday to Thursday/);
    await expectAccessible(page);
  });
}
