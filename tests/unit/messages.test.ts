import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../messages");

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.assign(
    {},
    ...Object.entries(value as object).map(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key)),
  );
}

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** The ICU arguments a message uses ({name}, {count, plural, …}), by parsing it as next-intl does. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      // 0 = literal, 7 = '#'; every other element names an argument.
      if (element.type !== 0 && element.type !== 7 && element.value) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(parse(message, { ignoreTag: true }) as Element[]);
  return [...names].sort();
}

const namespaces = readdirSync(path.join(root, "en")).filter((file) => file.endsWith(".json"));

describe("message catalogues", () => {
  it("have the same namespaces in French and English", () => {
    expect(readdirSync(path.join(root, "fr")).sort()).toEqual([...namespaces].sort());
  });

  // The type checker knows a namespace only if lib/i18n/app-config.d.ts lists it.
  it.each(namespaces)("%s: declared to next-intl, so its keys are typed", (file) => {
    const appConfig = readFileSync(path.resolve(root, "../lib/i18n/app-config.d.ts"), "utf8");
    const namespace = path.basename(file, ".json");
    expect(appConfig).toContain(`import type ${namespace} from "@/messages/en/${file}";`);
    expect(appConfig).toContain(`${namespace}: typeof ${namespace};`);
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
