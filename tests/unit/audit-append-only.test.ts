/**
 * The audit trail cannot be edited through the application (ASVS V16.4): no source outside
 * lib/privacy (erasure and retention, which only empty an event's contents) updates or deletes
 * audit events, whether through Prisma or in SQL.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const sources = ["app", "lib", "components", "scripts", "prisma"].flatMap((dir) =>
  (readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes("generated") && !file.includes("node_modules"))
    .map((file) => path.join(dir, file))
    // Erasure and retention empty events' contents, on purpose (GDPR): lib/privacy is their only place.
    .filter((file) => !file.startsWith(path.join("lib", "privacy"))),
);

const edits = [
  /auditEvent\s*\.\s*(update|updateMany|delete|deleteMany|upsert)\b/,
  /UPDATE\s+"AuditEvent"/i,
  /DELETE\s+FROM\s+"AuditEvent"/i,
  /TRUNCATE[^;]*"AuditEvent"/i,
];

describe("the audit trail is append-only in the application", () => {
  it("scans the sources", () => {
    expect(sources).toContain(path.join("lib", "audit.ts"));
  });

  it.each(sources.map((file) => [file]))("%s edits no audit event", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    expect(edits.filter((pattern) => pattern.test(source)).map(String)).toEqual([]);
  });
});
