/**
 * Partnerships (issue 17): the public catalogue (search, filters, a partner's page) and, for an
 * administrator, a partner's EWP IIAs import with its preview, a hash mismatch explained, and
 * the comparison of two copies; axe on every new page in French and English.
 */
import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { computeIiaHash } from "../../lib/ewp/iia-hash.ts";
import { childrenByName, parseXml } from "../../lib/ewp/xml-dom.ts";
import { iiaResponse, spec, studiesBody } from "../support/iia-xml.ts";
import { axeViolations, demoAccounts, demoPassword, e2eDatabase, signIn } from "./support";

const AMU = "univ-amu.fr";
const tag = () => randomBytes(3).toString("hex");

async function signInAsAdmin(page: Page, locale: "en" | "fr" = "en") {
  await signIn(page, demoAccounts.admin.email, demoPassword, locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`));
}

/** A partner's copy (they list themselves first), with a wrong or the right iia-hash. */
function partnerCopy(heiId: string, options: { eqf: string[]; rightHash: boolean }) {
  const xml = iiaResponse(
    [
      spec("student-studies-mobility-spec", {
        from: heiId,
        to: AMU,
        body: studiesBody({ eqf: options.eqf, seats: "5" }),
      }),
    ],
    {
      heis: [heiId, AMU],
      ids: [`iia-${heiId}`, "amu-1"],
    },
  );
  if (!options.rightHash) return xml;
  const root = parseXml(xml);
  const iia = root && childrenByName(root, "iia")[0];
  if (!root || !iia) throw new Error("fixture");
  return xml.replace("0".repeat(64), computeIiaHash(iia, root));
}

const xmlUpload = (name: string, text: string) => ({ name, mimeType: "application/xml", buffer: Buffer.from(text) });

test("a visitor finds a partner in the public catalogue by network and kind, and opens its page", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Browse our partner universities and destinations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Our partner universities" })).toBeVisible();
  await page.getByLabel("Network").selectOption({ label: "Coimbra Group" });
  await page.getByLabel("Kind of agreement").selectOption({ label: "Strategic partnership" });
  await page.getByRole("button", { name: "Show partners" }).click();
  await expect(page.getByRole("link", { name: "Universitat de Barcelona" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Karlsruhe Institute of Technology" })).toHaveCount(0);
  await page.getByRole("link", { name: "Universitat de Barcelona" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Universitat de Barcelona" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Strategic partnership" })).toBeVisible();
  await expect(page.getByText("Every faculty")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Whom to contact" })).toBeVisible();
});

test("le catalogue public filtre en français et ne plante pas sur un lien bizarre", async ({ page }) => {
  await page.goto("/fr/partners?country=DE&level=MASTER");
  await expect(page.getByRole("heading", { level: 1, name: "Nos universités partenaires" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Karlsruhe Institute of Technology" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Universitat de Barcelona" })).toHaveCount(0);
  const odd = await page.goto(`/fr/partners?kind=zzz&level[]=x&country=<script>&q=${"x".repeat(3000)}`);
  expect(odd?.status()).toBe(200);
  // A control character is refused before any page (R-SEC-6): a 400, never a 500.
  expect((await page.goto("/fr/partners?kind=%00"))?.status()).toBe(400);
  const missing = await page.goto("/fr/partners/not-a-uuid");
  expect(missing?.status()).toBe(404);
});

test("an administrator imports a partner's IIA: a hash mismatch is explained, then the right file previews and imports", async ({
  page,
}) => {
  const heiId = `p${tag()}.example.pl`;
  const name = `Uniwersytet EWP ${heiId}`;
  await e2eDatabase((client) =>
    client.query(
      `INSERT INTO "PartnerInstitution" (id, name, country, city, "ewpHeiId") VALUES (gen_random_uuid(), $1, 'PL', 'Kraków', $2)`,
      [name, heiId],
    ),
  );
  await signInAsAdmin(page);
  await page.goto("/en/admin/agreements");
  await page.getByRole("link", { name: "Import a partner's EWP agreements (IIAs v7)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a partner's EWP agreements" })).toBeVisible();

  await page
    .getByLabel("The partner's IIAs get response (XML, at most 20 MB)")
    .setInputFiles(xmlUpload("wrong.xml", partnerCopy(heiId, { eqf: ["7"], rightHash: false })));
  await page.getByRole("button", { name: "Check and preview" }).click();
  await expect(
    page.getByText(/Hash mismatch: the file states 0{64}, but its content gives [0-9a-f]{64}/),
  ).toBeVisible();
  await expect(page.getByText("the stated hash does not match the content")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import these agreements" })).toHaveCount(0);

  await page
    .getByLabel("The partner's IIAs get response (XML, at most 20 MB)")
    .setInputFiles(xmlUpload("right.xml", partnerCopy(heiId, { eqf: ["6", "7"], rightHash: true })));
  await page.getByRole("button", { name: "Check and preview" }).click();
  await expect(page.getByText(/The iia-hash stated in the file is the one its content gives/)).toBeVisible();
  await expect(page.getByText("A new agreement will be created (as a draft until it is in effect).")).toBeVisible();
  await expect(page.getByRole("row", { name: /Incoming seats per year — 5/ })).toBeVisible();
  await page.getByRole("button", { name: "Import these agreements" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 agreement imported." })).toBeVisible();

  // Signed and in force: the public catalogue shows it at once.
  await page.goto(`/en/partners?q=${encodeURIComponent(heiId)}`);
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("an administrator compares our copy with the partner's and reads which difference changes the hash", async ({
  page,
}) => {
  const heiId = `c${tag()}.example.pl`;
  await signInAsAdmin(page);
  await page.goto("/en/admin/agreements");
  await page.getByRole("link", { name: /Compare the two copies/ }).click();
  await page
    .getByLabel("Our copy (IIAs get response, XML)")
    .setInputFiles(xmlUpload("ours.xml", partnerCopy(heiId, { eqf: ["7"], rightHash: true })));
  await page
    .getByLabel("The partner's copy (IIAs get response, XML)")
    .setInputFiles(xmlUpload("theirs.xml", partnerCopy(heiId, { eqf: ["6", "7"], rightHash: true })));
  await page.getByRole("button", { name: "Compare the two copies" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Result of the comparison" })).toBeVisible();
  await expect(
    page.getByText(
      /Student mobility for studies \(student-studies-mobility-spec\) from .* to univ-amu\.fr, EQF level \(eqf-level\): “7” in ours, “6” and “7” in theirs\./,
    ),
  ).toBeVisible();
});

const importWords = {
  en: {
    file: "The partner's IIAs get response (XML, at most 20 MB)",
    preview: "Check and preview",
    heading: "Preview: 1 IIA in the file",
  },
  fr: {
    file: "La réponse « get » IIAs du partenaire (XML, 20 Mo au plus)",
    preview: "Vérifier et prévisualiser",
    heading: "Aperçu : 1 IIA dans le fichier",
  },
};

for (const locale of ["en", "fr"] as const) {
  test(`axe: the partners' catalogue and a partner's page in ${locale}`, async ({ page }) => {
    await page.goto(`/${locale}/partners`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Universitat de Barcelona" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Universitat de Barcelona" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test(`axe: the EWP import and comparison pages in ${locale}, with a preview and a result shown`, async ({ page }) => {
    const heiId = `a${tag()}.example.pl`;
    await signInAsAdmin(page, locale);
    await page.goto(`/${locale}/admin/agreements/ewp-import`);
    expect(await axeViolations(page)).toEqual([]);
    const words = importWords[locale];
    await page
      .getByLabel(words.file)
      .setInputFiles(xmlUpload("wrong.xml", partnerCopy(heiId, { eqf: ["7"], rightHash: false })));
    await page.getByRole("button", { name: words.preview }).click();
    await expect(page.getByRole("heading", { level: 2, name: words.heading })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`/${locale}/admin/agreements/ewp-compare`);
    expect(await axeViolations(page)).toEqual([]);
  });
}
