import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../messages");

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as object).map(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key)));
}

/** The ICU arguments a message uses ({name}, {count, plural, …}). */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1]!))].sort();
}

const namespaces = readdirSync(path.join(root, "en")).filter((file) => file.endsWith(".json"));

describe("message catalogues", () => {
  it("have the same namespaces in French and English", () => {
    expect(readdirSync(path.join(root, "fr")).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)("%s: same keys and same arguments in both languages, no empty text", (file) => {
    const en = flatten(JSON.parse(readFileSync(path.join(root, "en", file), "utf8")));
    const fr = flatten(JSON.parse(readFileSync(path.join(root, "fr", file), "utf8")));
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(en[key]!.trim(), `en ${key}`).not.toBe("");
      expect(fr[key]!.trim(), `fr ${key}`).not.toBe("");
      expect(argumentsOf(fr[key]!), `arguments of ${key}`).toEqual(argumentsOf(en[key]!));
    }
  });
});
