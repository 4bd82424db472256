/**
 * Brings a database to the current schema and, for the demo, fills it: used by the launcher,
 * the e2e server and `npm run db:seed`.
 */
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client.ts";
import { deployMigrations } from "../prisma/migrate/runner.ts";
import { projectRoot } from "../prisma/postgres.ts";
import { seedDemo } from "../prisma/seed.ts";

export async function migrateAndSeed(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const { applied } = await deployMigrations({
    databaseUrl,
    schemaPath: path.join(projectRoot, "prisma", "schema"),
    migrationsDir: path.join(projectRoot, "prisma", "migrations"),
    log,
  });
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
  try {
    log((await seedDemo(prisma)) ? "Demo data seeded" : "Demo data already present: kept as it is");
  } finally {
    await prisma.$disconnect();
  }
}
