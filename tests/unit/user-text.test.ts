/**
 * Issue 14, "texts that agree with the data": what students and staff read never shows the
 * rule catalogue's IDs (R-HOU-1…) — those are for the code and its tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../messages");
const files = ["en", "fr"].flatMap((locale) =>
  readdirSync(path.join(root, locale)).map((file) => path.join(locale, file)),
);

describe("the message catalogues", () => {
  it.each(files)("%s cites no rule ID", (file) => {
    const text = readFileSync(path.join(root, file), "utf8");
    expect(text.match(/\bR-[A-Z]+-\d+/g) ?? []).toEqual([]);
  });
});
