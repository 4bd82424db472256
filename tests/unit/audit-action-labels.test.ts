/**
 * The type checker makes every audit action name a label key (lib/audit-action-labels.ts); this test
 * checks that the key has a text in both languages, since only English is typed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabels, isAuditAction, timelineActions, timelineLabels } from "@/lib/audit-action-labels";

const root = path.resolve(import.meta.dirname, "../../messages");

function text(locale: string, namespace: string, key: string): unknown {
  const catalogue: unknown = JSON.parse(readFileSync(path.join(root, locale, `${namespace}.json`), "utf8"));
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
      catalogue,
    );
}

describe.each(["en", "fr"])("audit action labels in %s", (locale) => {
  it.each(Object.entries(auditActionLabels))("%s → auditActions.%s", (_action, key) => {
    const label = text(locale, "auditActions", key);
    expect(typeof label).toBe("string");
    expect((label as string).trim()).not.toBe("");
  });

  it.each(Object.entries(timelineLabels))("timeline %s → dossier.%s", (_action, key) => {
    const label = text(locale, "dossier", key);
    expect(typeof label).toBe("string");
    expect((label as string).trim()).not.toBe("");
  });
});

describe("audit actions", () => {
  it("the student's timeline shows audit actions only", () => {
    expect(timelineActions.length).toBeGreaterThan(0);
    for (const action of timelineActions) expect(isAuditAction(action), action).toBe(true);
  });

  it("an action read back from the trail is known only if a service writes it", () => {
    expect(isAuditAction("application.accept")).toBe(true);
    expect(isAuditAction("dossier.accept")).toBe(false);
    expect(isAuditAction("toString")).toBe(false);
  });
});
