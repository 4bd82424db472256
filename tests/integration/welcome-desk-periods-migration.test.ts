/**
 * R-VIS-7: the migration that gives a welcome desk several opening periods keeps what was
 * there: each desk's one period and hours become a period row, a desk "to be announced" gets
 * none, and slots and bookings are untouched. Run on a throwaway database migrated to the
 * migration before it, filled as the old schema had it, then migrated the rest of the way.
 */
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations } from "../../prisma/migrate/runner.ts";
import {
  dropDatabase,
  ensureDatabase,
  ensurePostgres,
  type PostgresServer,
  projectRoot,
} from "../../prisma/postgres.ts";

const periodsMigration = "20261129180000_welcome_desk_periods";
const migrationsDir = path.join(projectRoot, "prisma", "migrations");

let server: PostgresServer;
let tmpDir: string;
const name = `desk_periods_${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  server = await ensurePostgres();
  tmpDir = await mkdtemp(path.join(os.tmpdir(), "desk-periods-"));
}, 30_000);

afterAll(async () => {
  await dropDatabase(server, name);
  await rm(tmpDir, { recursive: true, force: true });
  await server.stop();
}, 30_000);

/** A copy of the migrations folder holding the migrations up to `last` (included). */
async function migrationsUpTo(last: string): Promise<string> {
  const dir = path.join(tmpDir, last);
  const entries = (await readdir(migrationsDir)).filter((entry) => entry <= last || entry === "migration_lock.toml");
  for (const entry of entries) await cp(path.join(migrationsDir, entry), path.join(dir, entry), { recursive: true });
  return dir;
}

describe("R-VIS-7: migrating the welcome desks to opening periods", { timeout: 120_000 }, () => {
  it("moves each announced desk's period and hours into a period; slots and bookings are kept", async () => {
    const databaseUrl = await ensureDatabase(server, name);
    const previous = (await readdir(migrationsDir))
      .filter((entry) => entry < periodsMigration)
      .sort()
      .at(-1)!;
    const schemaPath = path.join(projectRoot, "prisma", "schema");
    await deployMigrations({ databaseUrl, schemaPath, migrationsDir: await migrationsUpTo(previous) });

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // As the old schema had it: Marseille announced with its own hours, Aix to be announced.
      const marseille = randomUUID();
      const aix = randomUUID();
      await client.query(
        `INSERT INTO "WelcomeDesk" ("id", "city", "placeName", "opensOn", "closesOn", "dailyOpensAt", "dailyClosesAt", "updatedAt")
         VALUES ($1, 'MARSEILLE', 'Espace Pouillon', '2026-08-31', '2026-10-02', '08:30', '15:30', now()),
                ($2, 'AIX', NULL, NULL, NULL, '09:00', '16:00', now())`,
        [marseille, aix],
      );
      const slot = randomUUID();
      await client.query(
        `INSERT INTO "WelcomeDeskSlot" ("id", "deskId", "startsAt", "endsAt", "capacity", "booked")
         VALUES ($1, $2, '2026-09-01T06:30:00Z', '2026-09-01T07:00:00Z', 4, 1)`,
        [slot, marseille],
      );
      const student = randomUUID();
      const application = randomUUID();
      await client.query(
        `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ($1, $2, 'Zoé', 'x', now())`,
        [student, `${student}@example.org`],
      );
      await client.query(
        `INSERT INTO "Application" ("id", "studentId", "status", "updatedAt") VALUES ($1, $2, 'ACCEPTED', now())`,
        [application, student],
      );
      const booking = randomUUID();
      await client.query(`INSERT INTO "WelcomeDeskBooking" ("id", "slotId", "applicationId") VALUES ($1, $2, $3)`, [
        booking,
        slot,
        application,
      ]);

      await deployMigrations({ databaseUrl, schemaPath, migrationsDir: await migrationsUpTo(periodsMigration) });

      const periods = await client.query(
        `SELECT "deskId", "label", to_char("opensOn", 'YYYY-MM-DD') AS "opensOn", to_char("closesOn", 'YYYY-MM-DD') AS "closesOn",
                "dailyOpensAt", "dailyClosesAt" FROM "WelcomeDeskPeriod"`,
      );
      expect(periods.rows).toEqual([
        {
          deskId: marseille,
          label: null,
          opensOn: "2026-08-31",
          closesOn: "2026-10-02",
          dailyOpensAt: "08:30",
          dailyClosesAt: "15:30",
        },
      ]);
      const slots = await client.query(`SELECT "id", "deskId", "booked", "capacity" FROM "WelcomeDeskSlot"`);
      expect(slots.rows).toEqual([{ id: slot, deskId: marseille, booked: 1, capacity: 4 }]);
      const bookings = await client.query(`SELECT "id", "slotId", "applicationId" FROM "WelcomeDeskBooking"`);
      expect(bookings.rows).toEqual([{ id: booking, slotId: slot, applicationId: application }]);
      const desks = await client.query(`SELECT "city", "placeName" FROM "WelcomeDesk" ORDER BY "city"`);
      expect(desks.rows).toEqual([
        { city: "AIX", placeName: null },
        { city: "MARSEILLE", placeName: "Espace Pouillon" },
      ]);
      // The old columns are gone: the periods are the one source of the dates.
      const columns = await client.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'WelcomeDesk' AND column_name IN ('opensOn', 'closesOn', 'dailyOpensAt', 'dailyClosesAt')`,
      );
      expect(columns.rows).toEqual([]);
      // The table refuses a period that closes before it opens.
      await expect(
        client.query(
          `INSERT INTO "WelcomeDeskPeriod" ("id", "deskId", "opensOn", "closesOn", "updatedAt") VALUES ($1, $2, '2027-01-29', '2027-01-04', now())`,
          [randomUUID(), aix],
        ),
      ).rejects.toThrow(/WelcomeDeskPeriod_closes_after_opening/);
    } finally {
      await client.end();
    }
  });
});
