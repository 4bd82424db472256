/**
 * Every server action under hostile input (fast-check, issue 6): called by a principal its row
 * allows, with random and hostile values — huge strings, unicode, wrong types, unknown and
 * prototype keys, negative numbers, other people's ids — an action never fails unexpectedly
 * (the "500" of an action: an answer carrying a request id), and a refusal changes nothing in
 * the database (row counts of every table, and the audit trail every mutation writes to).
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type PermissionName, permissions } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { type Action, actionsByPermission } from "../support/actions";
import { hostileInput } from "../support/hostile";
import { isRedirect } from "../support/next-stand-ins";
import { createComponent, createViewer } from "./fixtures";

const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());
vi.mock("next/cache", async () => (await import("../support/next-stand-ins")).nextCache);
vi.mock("@/lib/auth/config", async () => (await import("../support/next-stand-ins")).authConfig);
vi.mock("@/lib/i18n/navigation", async () => (await import("../support/next-stand-ins")).navigation);

const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-hostile-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

const runsPerAction = 25;
let actions: Map<string, Action>;
let callers: Record<"STUDENT" | "CORRESPONDENT" | "ADMIN" | "AMU_STUDENT", Viewer>;
/** Real ids of other people's records, for the inputs to aim at. */
let foreignIds: string[] = [];

/** What changes when anything is written: every table's row count and the audit trail's size. */
async function databaseFingerprint(): Promise<string> {
  const tables = await db.$queryRaw<
    { table_name: string }[]
  >`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
  const counts = await db.$queryRawUnsafe<Record<string, bigint>[]>(
    `SELECT ${tables.map((table) => `(SELECT count(*) FROM "${table.table_name}") AS "${table.table_name}"`).join(", ")}`,
  );
  const latest = await db.$queryRaw<{ latest: Date | null }[]>`SELECT max("createdAt") AS latest FROM "AuditEvent"`;
  return JSON.stringify({ counts: counts[0], audit: latest[0]?.latest }, (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}

beforeAll(async () => {
  const component = await createComponent();
  callers = {
    STUDENT: await createViewer("STUDENT"),
    CORRESPONDENT: await createViewer("CORRESPONDENT", [component.id]),
    ADMIN: await createViewer("ADMIN"),
    AMU_STUDENT: await createViewer("AMU_STUDENT"),
  };
  // Someone else's dossier in the correspondent's faculty: ids the hostile inputs may name.
  const other = await createViewer("STUDENT");
  const application = await db.application.create({
    data: { studentId: other.id, status: "SUBMITTED", componentId: component.id, lastSubmittedAt: new Date() },
    select: { id: true },
  });
  foreignIds = [other.id, application.id, component.id, callers.ADMIN.id];
  actions = await actionsByPermission();
});

/** The caller an action's row allows (the least privileged one). */
function allowedCaller(name: PermissionName): Viewer {
  const who: "anyone" | "signedIn" | readonly string[] = permissions[name].who;
  if (who === "anyone" || who === "signedIn") return callers.STUDENT;
  if (who.includes("AMU_STUDENT")) return callers.AMU_STUDENT;
  return callers[who.includes("STUDENT") ? "STUDENT" : who.includes("CORRESPONDENT") ? "CORRESPONDENT" : "ADMIN"];
}

describe(`every action, ${runsPerAction} hostile inputs each`, () => {
  it.each(Object.keys(permissions) as PermissionName[])(
    "%s: no unexpected failure, no change on refusal",
    async (name) => {
      principal.viewer = allowedCaller(name);
      const action = actions.get(name)!;
      await fc.assert(
        fc.asyncProperty(hostileInput(foreignIds), async (input) => {
          const before = await databaseFingerprint();
          const result = await action(input).catch((error: unknown) => {
            if (isRedirect(error)) return { ok: true as const, data: null };
            throw error;
          });
          if (result.ok) return; // a hostile value that happens to be valid input: a real change, allowed
          expect(
            result.requestId,
            `${name} failed unexpectedly on ${JSON.stringify(input)?.slice(0, 300)}`,
          ).toBeUndefined();
          expect(await databaseFingerprint()).toBe(before);
        }),
        { numRuns: runsPerAction },
      );
    },
  );
});
