/**
 * Kinds of agreement (R-PAR-1) and networks (R-PAR-2) as data (issue 17): an administrator adds
 * a kind that covers every faculty and a network, ticks the network on a partner, gives an
 * agreement of that kind seats per level and languages of instruction; the public catalogue
 * shows and filters by them. axe on the new pages in French and English.
 */
import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { axeViolations, demoAccounts, demoPassword, e2eDatabase, signIn } from "./support";

const tag = () => randomBytes(3).toString("hex").toUpperCase();

async function signInAsAdmin(page: Page, locale: "en" | "fr" = "en") {
  await signIn(page, demoAccounts.admin.email, demoPassword, locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`));
}

test("an administrator adds a kind covering every faculty and a network; the catalogue shows and filters by them", async ({
  page,
}) => {
  const suffix = tag();
  const kindName = `Alliance partnership ${suffix}`;
  const networkName = `Una Europa ${suffix}`;
  const partnerName = `Alliance University ${suffix}`;
  await e2eDatabase((client) =>
    client.query(
      `INSERT INTO "PartnerInstitution" (id, name, country, city) VALUES (gen_random_uuid(), $1, 'BE', 'Leuven')`,
      [partnerName],
    ),
  );
  await signInAsAdmin(page);

  // A kind: a code of the wrong shape is refused and what was typed stays.
  await page.goto("/en/admin/agreements");
  await page.getByRole("link", { name: "Kinds of agreement" }).click();
  await page.getByLabel("Code", { exact: true }).fill("alliance partnership");
  await page.getByLabel("Name in French").fill(`Partenariat d'alliance ${suffix}`);
  await page.getByLabel("Name in English").fill(kindName);
  await page.getByLabel("An agreement of this kind covers every faculty").check();
  await page.getByRole("button", { name: "Add the kind" }).click();
  await expect(page.getByText("Use capital letters, digits and underscores only")).toBeVisible();
  await expect(page.getByLabel("Name in English")).toHaveValue(kindName);
  await expect(page.getByLabel("An agreement of this kind covers every faculty")).toBeChecked();
  await page.getByLabel("Code", { exact: true }).fill(`ALLIANCE_${suffix}`);
  await page.getByRole("button", { name: "Add the kind" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(
    page
      .getByRole("table", { name: /Kinds of agreement/ })
      .getByRole("row")
      .filter({ hasText: kindName }),
  ).toContainText("Yes");

  // A network, ticked on the partner.
  await page.goto("/en/admin/partners/networks");
  await page.getByLabel("Name of the network").fill(networkName);
  await page.getByRole("button", { name: "Add the network" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.goto("/en/admin/partners");
  await page.getByRole("link", { name: `Edit ${partnerName}` }).click();
  await page.getByRole("group", { name: "Networks (optional)" }).getByLabel(networkName).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("row").filter({ hasText: partnerName })).toContainText(networkName);

  // An agreement of that kind, with seats per level and languages of instruction.
  await page.goto("/en/admin/agreements/new");
  await page.getByLabel("Partner institution").selectOption({ label: `${partnerName} (Leuven)` });
  await page.getByLabel("Kind of agreement").selectOption({ label: kindName });
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Signed" });
  await page.getByRole("group", { name: "Components covered" }).getByRole("checkbox").first().check();
  const levels = page.getByRole("group", { name: "Study levels covered" });
  await levels.getByLabel("Bachelor").check();
  await levels.getByLabel("Master").check();
  const year = new Date().getFullYear() - 1;
  await page.getByLabel("First academic year").fill(String(year));
  await page.getByLabel("Last academic year").fill(String(year + 4));
  await page.getByLabel("Incoming seats per year").fill("4");
  const seats = page.getByRole("group", { name: "Seats per year by study level (optional)" });
  await seats.getByLabel("Bachelor").fill("1");
  await seats.getByLabel("Master").fill("5");
  await page.getByLabel("Languages of instruction (optional)").fill("nl, en");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The seats per study level add up to more than the seats per year.")).toBeVisible();
  await expect(seats.getByLabel("Master")).toHaveValue("5");
  await seats.getByLabel("Master").fill("3");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/agreements\?done=saved$/);

  // The public catalogue: the kind's name, "every faculty", the network and language filters.
  await page.goto("/en/partners");
  await page.getByLabel("Network").selectOption({ label: networkName });
  await page.getByLabel("Language of instruction").selectOption({ label: "Dutch" });
  await page.getByRole("button", { name: "Show partners" }).click();
  const row = page.getByRole("row").filter({ hasText: partnerName });
  await expect(row).toContainText(`${kindName} (Every faculty)`);
  await row.getByRole("link", { name: partnerName }).click();
  await expect(page.getByText("4 in all: 1 for Bachelor and 3 for Master")).toBeVisible();
  await expect(page.getByText("Dutch and English")).toBeVisible();
  await expect(page.getByText("Periods")).toBeVisible();
});

for (const locale of ["en", "fr"] as const) {
  test(`axe: kinds of agreement and networks, list and edit pages, in ${locale}`, async ({ page }) => {
    await signInAsAdmin(page, locale);
    for (const path of [
      "/admin/agreements/kinds",
      "/admin/agreements/kinds/ERASMUS_PLUS",
      "/admin/partners/networks",
    ]) {
      await page.goto(`/${locale}${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await axeViolations(page), path).toEqual([]);
    }
    const network = await e2eDatabase(async (client) => {
      const rows = await client.query<{ id: string }>(`SELECT id FROM "Network" ORDER BY name LIMIT 1`);
      return rows.rows[0]!.id;
    });
    await page.goto(`/${locale}/admin/partners/networks/${network}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
