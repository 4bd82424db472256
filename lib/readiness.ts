import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { type Db, db } from "@/lib/db";
import { checkDatabase } from "@/lib/health";
import { logWarn } from "@/lib/log";

/**
 * Whether this node may take traffic (GET /api/ready), as a load balancer or an orchestrator
 * asks during a rolling deploy: its database answers, and every migration this build ships is
 * applied — a node of a new release started before `npm run db:deploy` stays out of the pool
 * instead of failing requests. /api/health stays the liveness probe (the process answers).
 */
export interface Readiness {
  ready: boolean;
  database: "ok" | "down";
  /** "current", or the count of this build's migrations the database lacks; "unknown" if unreadable. */
  migrations: "current" | "unknown" | { pending: number };
}

let shipped: Promise<string[]> | undefined;

/** The migrations of this build: the folders of prisma/migrations, read once per process. */
function shippedMigrations(folder = path.join(process.cwd(), "prisma", "migrations")): Promise<string[]> {
  shipped ??= readdir(folder, { withFileTypes: true }).then((entries) =>
    entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
  );
  return shipped;
}

export async function checkReadiness(
  client: Db = db,
  migrations: () => Promise<string[]> = shippedMigrations,
): Promise<Readiness> {
  const database = await checkDatabase(client);
  if (database === "down") return { ready: false, database, migrations: "unknown" };
  try {
    const applied = await client.$queryRaw<{ migration_name: string }[]>`
      SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    const done = new Set(applied.map((row) => row.migration_name));
    const pending = (await migrations()).filter((name) => !done.has(name)).length;
    return pending === 0
      ? { ready: true, database, migrations: "current" }
      : { ready: false, database, migrations: { pending } };
  } catch (error) {
    logWarn("readiness.migrations.unreadable", { error });
    return { ready: false, database, migrations: "unknown" };
  }
}
