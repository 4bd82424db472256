/**
 * The administration (issue 3): reference data and accounts through the forms, with the
 * accessible labels as the only handle; the R-ELI-7 public page; axe on every new page in
 * French and English.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { academicYearOf, formatAcademicYear } from "../../lib/academic-year.ts";
import {
  axeViolations,
  demoAccounts,
  demoPassword,
  e2eDatabase,
  expectAccessible,
  fillSignIn,
  formAlert,
  linkInMail,
  signIn,
  uniqueEmail,
} from "./support";

const tag = () => randomBytes(3).toString("hex").toUpperCase();

async function signInAsAdmin(page: Page, locale: "en" | "fr" = "en") {
  await signIn(page, demoAccounts.admin.email, demoPassword, locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`));
}

/** The open page's form alert, once it says something. */
const alertSays = (page: Page, text: string) => expect(formAlert(page).filter({ hasText: text })).toBeVisible();

test("an admin creates a partner and an agreement for it through the forms, and sees them in the lists", async ({
  page,
}) => {
  const name = `Technische Universität Graz ${tag()}`;
  const thisYear = academicYearOf(new Date());
  await signInAsAdmin(page);

  await page.getByRole("link", { name: "Partner institutions" }).click();
  await page.getByRole("link", { name: "Add a partner institution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New partner institution" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "Austria" });
  await page.getByLabel("City", { exact: true }).fill("Graz");
  await page.getByLabel("Erasmus code (optional)").fill(`a graz${tag()}`);
  await page.getByRole("group", { name: "Networks (optional)" }).getByLabel("EUA", { exact: true }).check();
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page).toHaveURL(/\/en\/admin\/partners\?done=saved$/);
  await expect(page.getByRole("status")).toHaveText("Saved.");
  const partnerRow = page
    .getByRole("table", { name: "Partner institutions, by name" })
    .getByRole("row")
    .filter({ hasText: name });
  await expect(partnerRow).toContainText("Austria");
  await expect(partnerRow).toContainText("EUA");
  await expect(partnerRow).toContainText("No agreement");

  await page.getByRole("link", { name: "Back to the administration" }).click();
  await page.getByRole("link", { name: "Agreements" }).click();
  await page.getByRole("link", { name: "Add an agreement" }).click();
  await page.getByLabel("Partner institution").selectOption({ label: `${name} (Graz)` });
  await page.getByLabel("Kind of agreement").selectOption({ label: "Erasmus+" });
  const components = page.getByRole("group", { name: "Components covered" });
  await components.getByLabel("SCIENCES – Faculty of Sciences").check();
  await components.getByLabel("LAW – Faculty of Law and Political Science").check();
  await page.getByRole("group", { name: "Study levels covered" }).getByLabel("Master").check();
  await page.getByLabel("First academic year").fill(String(thisYear - 1));
  await page.getByLabel("Last academic year").fill(String(thisYear + 3));
  await page.getByLabel("Incoming seats per year").fill("4");
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page).toHaveURL(/\/en\/admin\/agreements\?done=saved$/);
  const agreementRow = page
    .getByRole("table", { name: /^Agreements, by partner/ })
    .getByRole("row")
    .filter({ hasText: name });
  await expect(agreementRow).toContainText("Erasmus+");
  await expect(agreementRow).toContainText("LAW, SCIENCES");
  await expect(agreementRow).toContainText("Master");
  await expect(agreementRow).toContainText(`${formatAcademicYear(thisYear - 1)} → ${formatAcademicYear(thisYear + 3)}`);
  await expect(agreementRow).toContainText("Active");

  // The edit link opens the same form, filled in; the partner now counts its agreement.
  await agreementRow.getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByLabel("Incoming seats per year")).toHaveValue("4");
  await expect(
    page.getByRole("group", { name: "Components covered" }).getByLabel("LAW – Faculty of Law and Political Science"),
  ).toBeChecked();
  await page.goto("/en/admin/partners");
  await expect(page.getByRole("row").filter({ hasText: name }).getByRole("cell").nth(5)).toHaveText("1");
  // R-PAR: a partner with an agreement is not deleted; the page says why.
  await page
    .getByRole("row")
    .filter({ hasText: name })
    .getByRole("link", { name: `Edit ${name}` })
    .click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete the partner institution" }).click();
  await alertSays(page, "cannot be deleted while it has agreements (1 agreement)");
});

test("a refused agreement answers next to the field and keeps everything that was entered", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/en/admin/agreements/new");
  await page.getByLabel("Partner institution").selectOption({ label: "Tampere University (Tampere)" });
  await page.getByLabel("Kind of agreement").selectOption({ label: "Bilateral inter-university" });
  await page
    .getByRole("group", { name: "Components covered" })
    .getByLabel("ALLSH – Faculty of Arts, Letters, Languages and Humanities")
    .check();
  await page.getByRole("group", { name: "Study levels covered" }).getByLabel("Bachelor").check();
  await page.getByRole("group", { name: "Study levels covered" }).getByLabel("Doctorate").check();
  await page.getByLabel("First academic year").fill("2030");
  await page.getByLabel("Last academic year").fill("2027");
  await page.getByLabel("Incoming seats per year").fill("-2");
  await page.getByRole("button", { name: "Save" }).click();

  await alertSays(page, "Some fields need your attention.");
  const lastYear = page.getByLabel("Last academic year");
  await expect(lastYear).toHaveAttribute("aria-invalid", "true");
  await expect(lastYear).toHaveAccessibleDescription("The last academic year cannot come before the first.");
  await expect(page.getByLabel("Incoming seats per year")).toHaveAccessibleDescription(
    /0 when the agreement sets no number.*Enter a whole number of seats between 0 and 10,000\./,
  );
  // Everything typed or chosen is still there.
  await expect(page.getByLabel("First academic year")).toHaveValue("2030");
  await expect(lastYear).toHaveValue("2027");
  await expect(page.getByLabel("Incoming seats per year")).toHaveValue("-2");
  await expect(page.getByLabel("Partner institution").locator("option:checked")).toHaveText(
    "Tampere University (Tampere)",
  );
  await expect(page.getByLabel("Kind of agreement").locator("option:checked")).toHaveText("Bilateral inter-university");
  const levels = page.getByRole("group", { name: "Study levels covered" });
  await expect(levels.getByLabel("Bachelor")).toBeChecked();
  await expect(levels.getByLabel("Master")).not.toBeChecked();
  await expect(levels.getByLabel("Doctorate")).toBeChecked();
  await expect(
    page
      .getByRole("group", { name: "Components covered" })
      .getByLabel("ALLSH – Faculty of Arts, Letters, Languages and Humanities"),
  ).toBeChecked();
  // Nothing was created.
  const count = await e2eDatabase(
    async (db) =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM "Agreement" WHERE "firstAcademicYear" = 2030 AND "lastAcademicYear" = 2027`,
        )
      ).rows[0].n,
  );
  expect(count).toBe(0);
});

test("a duplicate Erasmus code is refused on its field, in French, keeping the input", async ({ page }) => {
  await signInAsAdmin(page, "fr");
  await page.goto("/fr/admin/partners/new");
  await page.getByLabel("Nom", { exact: true }).fill("Doublon de Karlsruhe");
  await page.getByLabel("Pays", { exact: true }).selectOption({ label: "Allemagne" });
  await page.getByLabel("Ville", { exact: true }).fill("Karlsruhe");
  await page.getByLabel("Code Erasmus (facultatif)").fill("D KARLSRU01");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  const code = page.getByLabel("Code Erasmus (facultatif)");
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(code).toHaveAccessibleDescription(/Un autre établissement partenaire a déjà ce code Erasmus\./);
  await expect(code).toHaveValue("D KARLSRU01");
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Doublon de Karlsruhe");
  await expect(page.getByLabel("Pays", { exact: true }).locator("option:checked")).toHaveText("Allemagne");
});

test("an admin invites a correspondent and attaches them to a new component; the correspondent chooses a password from the mail and signs in; disabling ends their session at once", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("ri-new");
  const password = "a correspondent passphrase";
  const code = `TEST${tag()}`;
  await signInAsAdmin(page);

  await page.goto("/en/admin/users");
  await page.getByRole("link", { name: "Invite a staff member" }).click();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await page.getByLabel("Full name").fill("Nora Lefèvre");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "IR correspondent" });
  await page.getByLabel("Language of the portal's e-mails").selectOption({ label: "English" });
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/users\?done=invited$/);

  await page.getByLabel("E-mail contains").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page
    .getByRole("table", { name: `Accounts whose e-mail contains “${email}”` })
    .getByRole("row")
    .filter({ hasText: email });
  await expect(row).toContainText("IR correspondent");
  await expect(row).toContainText("Active");

  await page.goto("/en/admin/components/new");
  await page.getByLabel("Code", { exact: true }).fill(code.toLowerCase());
  await page.getByLabel("Name in French").fill("Institut de test");
  await page.getByLabel("Name in English").fill("Test institute");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/components\?done=saved$/);
  await page.getByRole("link", { name: `Edit ${code}` }).click();
  await expect(page.getByText("No correspondent yet: attach one below.")).toBeVisible();
  await page.getByLabel("Correspondent to attach").selectOption({ label: `Nora Lefèvre (${email})` });
  await page.getByRole("button", { name: "Attach" }).click();
  await expect(page.getByRole("status")).toHaveText("The correspondent is attached.");
  await expect(page.getByRole("table", { name: `Correspondents of ${code}` })).toContainText(email);

  // The correspondent chooses a password from the invitation mail, in a browser of their own.
  const theirs = await browser.newContext();
  const correspondent = await theirs.newPage();
  await correspondent.goto(await linkInMail(email, "/reset-password"));
  await expect(correspondent.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  await expectAccessible(correspondent);
  await correspondent.getByLabel("New password", { exact: true }).fill(password);
  await correspondent.getByLabel("Confirm the new password").fill(password);
  await correspondent.getByRole("button", { name: "Save the password" }).click();
  await expect(correspondent.getByRole("main").getByRole("status")).toContainText("Your password is saved");
  await fillSignIn(correspondent, email, password);
  await expect(correspondent).toHaveURL(/\/en\/review$/);
  await expect(correspondent.getByRole("heading", { level: 1 })).toBeVisible();

  // The admin disables the account (after confirming): the correspondent's next page is the sign-in.
  await page.goto("/en/admin/users");
  await page.getByLabel("E-mail contains").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: `Edit ${email}` }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Disable the account" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/users\?done=saved$/);
  await correspondent.goto("/en/review");
  await expect(correspondent).toHaveURL(/\/en\/login/);
  await theirs.close();
});

test("an admin's own account page offers neither disabling nor demotion, and says why", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/en/admin/users");
  await page.getByLabel("E-mail contains").fill(demoAccounts.admin.email);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: `Edit ${demoAccounts.admin.email}` }).click();
  await expect(
    page.getByText("This is your own account: you cannot disable it or remove its administrator role."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Disable the account" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Change the role" })).toHaveCount(0);
});

test("R-ELI-7: double degrees and offshore programmes are listed publicly, with the DRI cooperation contact", async ({
  page,
}) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "See the double degrees and offshore programmes, and whom to contact" }).click();
  await expect(page).toHaveURL(/\/en\/double-degrees$/);
  await expect(page.getByRole("heading", { level: 1, name: "Double degrees and offshore programmes" })).toBeVisible();
  await expect(page.getByText(/you do not apply to them through this portal's application form/)).toBeVisible();
  await expect(page.getByRole("link", { name: "cooperation-dri@amu.example.org" })).toHaveAttribute(
    "href",
    "mailto:cooperation-dri@amu.example.org",
  );
  const table = page.getByRole("table", { name: "Double degrees and offshore programmes, by partner" });
  await expect(table.getByRole("row").filter({ hasText: "WUT-AMU double bachelor in Life Sciences" })).toContainText(
    "150",
  );
  await expect(
    table.getByRole("row").filter({ hasText: "WUT-AMU double master in Microbiology and Health Biology" }),
  ).toContainText("20");
  await expect(table.getByRole("row").filter({ hasText: "Université Saint-Joseph, Beirut" })).toContainText(
    "Offshore programme",
  );
  // A regular programme is not listed.
  await expect(table).not.toContainText("Bachelor in Law");
  await page.goto("/fr/double-degrees");
  await expect(
    page.getByRole("heading", { level: 1, name: "Doubles diplômes et formations délocalisées" }),
  ).toBeVisible();
});

// ---------------------------------------------------------------------------------------------
// Accessibility: every new page, in both languages (one sign-in per language; each page is a step).

/** A message as the sink stores it (.data/e2e-mail), written here so the test knows what is there. */
async function caughtMail(to: string, subject: string) {
  const id = randomUUID();
  const receivedAt = new Date();
  const file = `${receivedAt.toISOString().replaceAll(":", "-")}-${id}.json`;
  const message = {
    id,
    receivedAt: receivedAt.toISOString(),
    from: "portal@amu.example",
    to: [to],
    subject,
    text: "…",
  };
  await writeFile(path.resolve(".data/e2e-mail", file), JSON.stringify(message));
}

test("the outbox is filtered by recipient and subject, accents and case ignored (issue 21)", async ({ page }) => {
  const mark = tag().toLowerCase();
  await caughtMail(`zoe.${mark}@uni.example`, `Dossier accepté ${mark}`);
  await caughtMail(`zoe.${mark}@uni.example`, `Logement ${mark}`);
  await caughtMail(`marie.${mark}@uni.example`, `Dossier accepté ${mark}`);
  await signInAsAdmin(page);
  await page.goto("/en/admin/outbox");
  const search = page.getByRole("search");
  await search.getByLabel("Recipient contains").fill(`ZOÉ.${mark}`);
  await search.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("2 e-mails shown", { exact: false })).toBeVisible();
  await search.getByLabel("Subject contains").fill("accepte");
  await search.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("1 e-mail shown", { exact: false })).toBeVisible();
  await expect(page.getByText(`Dossier accepté ${mark}`)).toBeVisible();
  await expect(search.getByLabel("Recipient contains")).toHaveValue(`ZOÉ.${mark}`);
  await search.getByLabel("Subject contains").fill("nothing like it");
  await search.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No e-mail matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Show all e-mails" }).click();
  await expect(page.getByText(`Logement ${mark}`)).toBeVisible();
});

for (const locale of ["fr", "en"] as const) {
  test(`axe: every administration page in /${locale} has no WCAG 2.1 A/AA violation`, async ({ page }) => {
    // Nineteen pages, each analysed by axe: well over a minute on a busy 2-core machine.
    test.setTimeout(240_000);
    const ids = await e2eDatabase(async (db) => {
      const first = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].id as string;
      return {
        partner: await first(`SELECT id FROM "PartnerInstitution" WHERE name = 'Karlsruhe Institute of Technology'`),
        agreement: await first(
          `SELECT a.id FROM "Agreement" a JOIN "PartnerInstitution" p ON p.id = a."partnerId" WHERE p.name = 'Karlsruhe Institute of Technology' LIMIT 1`,
        ),
        component: await first(`SELECT id FROM "Component" WHERE code = 'SCIENCES'`),
        programme: await first(`SELECT id FROM "Programme" WHERE "doubleDegree" LIMIT 1`),
        user: await first(`SELECT id FROM "User" WHERE email = $1`, [demoAccounts.sciences.email]),
        self: await first(`SELECT id FROM "User" WHERE email = $1`, [demoAccounts.admin.email]),
      };
    });
    const paths = [
      "/admin",
      "/admin/partners",
      "/admin/partners/new",
      `/admin/partners/${ids.partner}`,
      "/admin/agreements",
      "/admin/agreements/new",
      `/admin/agreements/${ids.agreement}`,
      "/admin/components",
      "/admin/components/new",
      `/admin/components/${ids.component}`,
      "/admin/programmes",
      "/admin/programmes/new",
      `/admin/programmes/${ids.programme}`,
      "/admin/users",
      "/admin/users/new",
      `/admin/users/${ids.user}`,
      `/admin/users/${ids.self}`,
      "/admin/settings",
    ];
    await signInAsAdmin(page, locale);
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await test.step(path, async () => {
        await page.goto(`/${locale}${path}`);
        await expect(page.locator("h1")).toHaveCount(1);
        found[path] = await axeViolations(page);
      });
    }
    // A form showing its errors, too.
    await test.step("/admin/programmes/new, refused", async () => {
      await page.goto(`/${locale}/admin/programmes/new`);
      await page.getByRole("checkbox").first().check();
      await page.getByRole("button", { name: locale === "fr" ? "Enregistrer" : "Save" }).click();
      await expect(formAlert(page)).not.toBeEmpty();
      found["/admin/programmes/new (errors)"] = await axeViolations(page);
    });
    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });

  test(`axe: /${locale}/double-degrees has no WCAG 2.1 A/AA violation`, async ({ page }) => {
    await page.goto(`/${locale}/double-degrees`);
    await expect(page.locator("h1")).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
  });
}
