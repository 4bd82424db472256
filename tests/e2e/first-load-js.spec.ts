/**
 * Issue 20: the first-load JavaScript (gzip) of the application form, the dossier and the
 * correspondents' queue stays within 150 KB. Read from the build's manifests by the same
 * function as the benchmark (scripts/bench-http/first-load-js.ts); `npm test` builds before
 * the browser tests, so the manifests are those of the code under test. On failure, the
 * message lists the page's files, largest first, to show what grew.
 */
import { expect, test } from "@playwright/test";
import { budgetedPages, firstLoadBudgetKb, firstLoadJs } from "../../scripts/bench-http/first-load-js.ts";

for (const [label, page] of budgetedPages) {
  test(`first-load JavaScript of the ${label} stays within ${firstLoadBudgetKb} KB gzip`, () => {
    const { kb, files } = firstLoadJs(page);
    const listing = files.map((file) => `${file.kb.toFixed(1)} KB ${file.file}`).join("\n");
    expect(kb, `${label}: ${kb.toFixed(1)} KB\n${listing}`).toBeLessThanOrEqual(firstLoadBudgetKb);
    // A reader that found no files would pass any budget: the framework alone is over 100 KB.
    expect(kb).toBeGreaterThan(100);
  });
}
