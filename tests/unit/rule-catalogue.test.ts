/**
 * Every rule ID the code and the tests cite (`R-HOU-3`, `R-VIS-1…6`) resolves in the rule
 * catalogue, docs/rules.md, so a newcomer can look it up without anything outside the repository.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSourceFiles } from "../support/import-graph";

const root = path.resolve(import.meta.dirname, "../..");
const catalogue = readFileSync(path.join(root, "docs/rules.md"), "utf8");
const defined = new Set([...catalogue.matchAll(/^\| (R-[A-Z]+-\d+) \|/gm)].map((match) => match[1]!));

/** The IDs a text cites; a range "R-VIS-1…6" cites its two ends. */
function citedRuleIds(text: string): string[] {
  return [...text.matchAll(/\bR-([A-Z]+)-(\d+)(?:\s*(?:…|\.\.\.|-)\s*(\d+))?/g)].flatMap(([, family, first, last]) =>
    last ? [`R-${family}-${first}`, `R-${family}-${last}`] : [`R-${family}-${first}`],
  );
}

describe("rule catalogue", () => {
  it("defines every family of the domain", () => {
    for (const family of ["ELI", "HOU", "VIS", "INT", "MOB", "PAR", "AMI"]) {
      expect(
        [...defined].some((id) => id.startsWith(`R-${family}-`)),
        family,
      ).toBe(true);
    }
  });

  it.each([
    ["R-HOU-3", ["R-HOU-3"]],
    ["R-VIS-1…6", ["R-VIS-1", "R-VIS-6"]],
    ["(R-ELI-1, R-PAR-1)", ["R-ELI-1", "R-PAR-1"]],
    ["R-ELI workflow", []],
  ])("reads %j as citing %j", (text, ids) => {
    expect(citedRuleIds(text)).toEqual(ids);
  });

  it("resolves every ID cited in the code, the scripts and the tests", () => {
    const files = readSourceFiles(root, ["app", "components", "lib", "prisma", "scripts", "tests"]);
    const unknown = [...files].flatMap(([file, source]) =>
      citedRuleIds(source)
        .filter((id) => !defined.has(id))
        .map((id) => `${file}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });
});
