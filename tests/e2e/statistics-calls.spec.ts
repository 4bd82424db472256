import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { arrangeDossiers } from "./ir-lists-support";
import { demoAccounts, demoPassword, expectAccessible, signInAs } from "./support";

/**
 * Statistics per call for applications (issue 14, R-ELI-8): each chart has its table, in both
 * languages; a dossier entered without a call is counted on its own row; axe on the page.
 */
for (const locale of ["en", "fr"] as const) {
  const text = {
    en: {
      perCall: "Dossiers per call for applications",
      rate: "Acceptance rate per call for applications",
      noCall: "No call (dossiers entered before the calls)",
      header: "Dossiers",
    },
    fr: {
      perCall: "Dossiers par appel à candidatures",
      rate: "Taux d'acceptation par appel à candidatures",
      noCall: "Sans appel (dossiers saisis avant les appels)",
      header: "Dossiers",
    },
  }[locale];

  test(`${locale}: dossiers and acceptance rate per call, each with its table`, async ({ page }) => {
    test.setTimeout(120_000);
    await arrangeDossiers([{ firstName: "Call", lastName: `Less${randomBytes(3).toString("hex")}` }]);
    await signInAs(page, demoAccounts.sciences.email, demoPassword, locale);
    await page.goto(`/${locale}/review/statistics`);
    const perCall = page.getByRole("table", { name: text.perCall });
    await expect(perCall).toBeAttached();
    await expect(perCall.getByRole("columnheader", { name: text.header, exact: true })).toBeAttached();
    await expect(perCall.getByRole("rowheader", { name: text.noCall })).toBeAttached();
    await expect(page.getByRole("table", { name: text.rate })).toBeAttached();
    await expect(page.getByRole("heading", { level: 2, name: text.perCall })).toBeVisible();
    await expectAccessible(page);
  });
}
