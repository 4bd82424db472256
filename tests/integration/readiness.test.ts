import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import { checkReadiness } from "@/lib/readiness";

const shipped = async () =>
  (await readdir(path.resolve(import.meta.dirname, "../../prisma/migrations"), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

describe("readiness (GET /api/ready)", () => {
  it("is ready against the migrated test database", async () => {
    expect(await checkReadiness()).toEqual({ ready: true, database: "ok", migrations: "current" });
  });

  it("is not ready when this build ships a migration the database lacks (a node started before db:deploy)", async () => {
    const newer = async () => [...(await shipped()), "29991231235959_next_release"];
    expect(await checkReadiness(db, newer)).toEqual({ ready: false, database: "ok", migrations: { pending: 1 } });
  });

  it("is not ready, quickly, when the database does not answer", async () => {
    const unreachable = createPrismaClient("postgresql://postgres:postgres@localhost:1/nowhere", 1);
    const started = Date.now();
    expect(await checkReadiness(unreachable)).toEqual({ ready: false, database: "down", migrations: "unknown" });
    expect(Date.now() - started).toBeLessThan(3_000);
    await unreachable.$disconnect();
  });
});
