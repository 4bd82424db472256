/**
 * Issue 14: the integration week pointer follows the student's semester (R-INT-1: it is held
 * before the September start, so a spring student is not sent to it).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";

const catalogue = (locale: "en" | "fr", namespace: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}/${namespace}.json`), "utf8"));

describe("R-INT-1: the French-level warning names the integration week for the student's semester", () => {
  it.each([
    ["en", "S1", /and the integration week before the September start/],
    ["en", "FULL_YEAR", /and the integration week before the September start/],
    ["en", "S2", /for the autumn semester: for your spring semester/],
    ["fr", "S1", /et la semaine d'intégration avant la rentrée de septembre/],
    ["fr", "S2", /pour votre semestre de printemps/],
  ] as const)("%s, %s", (locale, period, expected) => {
    for (const [namespace, key] of [
      ["dossier", "frenchWarning"],
      ["apply", "submit.frenchWarning"],
    ] as const) {
      const t = createTranslator({ locale, messages: { [namespace]: catalogue(locale, namespace) }, namespace });
      const translate = t as unknown as (key: string, values: Record<string, string>) => string;
      expect(translate(key, { period })).toMatch(expected);
    }
  });
});
