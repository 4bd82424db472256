import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { checkDatabase } from "@/lib/health";

describe("database health", () => {
  it("is ok against the test database", async () => {
    expect(await checkDatabase()).toBe("ok");
  });

  it("is down, quickly and without throwing, when nothing listens", async () => {
    const unreachable = createPrismaClient("postgresql://postgres:postgres@localhost:1/nowhere", 1);
    const started = Date.now();
    expect(await checkDatabase(unreachable)).toBe("down");
    expect(Date.now() - started).toBeLessThan(3_000);
    await unreachable.$disconnect();
  });
});
