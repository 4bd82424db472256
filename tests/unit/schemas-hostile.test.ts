/**
 * Every zod schema of the portal against hostile values (fast-check): parsing never throws,
 * never hangs on a huge string, and whatever it accepts is a plain object with no inherited
 * trickery (no `__proto__` key carried into the data).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { hostileInput } from "../support/hostile";

const lib = path.resolve(import.meta.dirname, "../../lib");
const files = (readdirSync(lib, { recursive: true }) as string[]).filter((file) =>
  /(^|\/)([\w-]+-)?schemas\.ts$/.test(file),
);

const schemas: [string, ZodType][] = [];
for (const file of files) {
  const module = (await import(path.join(lib, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(module)) {
    if (/^Z[A-Z]/.test(name) && value && typeof (value as ZodType).safeParse === "function")
      schemas.push([`${file}: ${name}`, value as ZodType]);
  }
}

describe("zod schemas under hostile input", () => {
  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThan(40);
  });

  it.each(schemas)("%s never throws and keeps no prototype key", (_name, schema) => {
    fc.assert(
      fc.property(hostileInput([]), (input) => {
        const started = performance.now();
        const result = schema.safeParse(input);
        expect(performance.now() - started).toBeLessThan(500);
        if (result.success && result.data && typeof result.data === "object") {
          expect(Object.hasOwn(result.data, "__proto__")).toBe(false);
          expect(Object.getPrototypeOf(result.data)).toBe(
            Array.isArray(result.data) ? Array.prototype : Object.prototype,
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
