/**
 * `npm run db:backup` / `db:restore` (scripts/backup/): the run's database, backed up to a file
 * and restored into a database of its own on the same server, comes back the same.
 *
 * Other test files write into the run's database at the same time, so the restored database is
 * compared with the backup's snapshot (its header) and, row for row, with the rows made here.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { dropDatabase, ensurePostgres, type PostgresServer } from "@/prisma/postgres";
import { fixSessionSettings, quoteIdent, tableStats } from "@/scripts/backup/catalog";
import { dumpDatabase } from "@/scripts/backup/dump";
import { type BackupHeader, dossierTable } from "@/scripts/backup/format";
import { VerificationError } from "@/scripts/backup/load";
import { RestoreRefusedError, restoreBackup } from "@/scripts/backup/restore";
import { createComponent, createPartner, createProgramme, createViewer } from "./fixtures";

let server: PostgresServer;
let tmpDir: string;
let file: string;
let header: BackupHeader;
const databases: string[] = [];
const made = {
  applicationId: "",
  otherApplicationIds: [] as string[],
  userId: "",
  auditEventId: 0n,
  componentId: "",
  partnerId: "",
};

/** A database name of this file's own, dropped (with its staging copy) at the end. */
function newDatabase(): string {
  const name = `backup_test_${randomBytes(4).toString("hex")}`;
  databases.push(name, `${name}_restoring`);
  return name;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fixSessionSettings(client);
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  return (await query(server.adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).length > 0;
}

/** The backup file with its header changed. */
async function withHeader(change: (header: BackupHeader) => void): Promise<string> {
  const lines = gunzipSync(await readFile(file))
    .toString("utf8")
    .split("\n");
  const edited = JSON.parse(lines[0]!) as BackupHeader;
  change(edited);
  lines[0] = JSON.stringify(edited);
  const out = path.join(tmpDir, `edited-${randomBytes(3).toString("hex")}.jsonl.gz`);
  await writeFile(out, gzipSync(lines.join("\n")));
  return out;
}

beforeAll(async () => {
  server = await ensurePostgres();
  tmpDir = await mkdtemp(path.join(os.tmpdir(), "backup-test-"));
  file = path.join(tmpDir, "portal.jsonl.gz");

  const component = await createComponent();
  const partner = await createPartner([{ componentIds: [component.id], levels: ["MASTER", "DOCTORATE"] }]);
  const programme = await createProgramme(component.id);
  await createViewer("CORRESPONDENT", [component.id]); // a row of the implicit many-to-many table
  const student = await createViewer("STUDENT");
  await db.user.update({ where: { id: student.id }, data: { name: "Zoé Ñandú 学生" } });
  const application = await db.application.create({
    data: {
      studentId: student.id,
      status: "SUBMITTED",
      firstName: "Zoé",
      lastName: "Ñandú 学生",
      dateOfBirth: new Date("2001-02-28"),
      nationality: "ES",
      componentId: component.id,
      partnerId: partner.id,
      programmeId: programme.id,
      studyLevel: "MASTER",
      plannedCourses: [{ title: "Física cuántica — 量子", code: null, ects: 7.5, semester: "S1" }],
      // Line breaks, quotes, a backslash and a tab: each row must stay on one line of the file.
      housingNeeds: 'Ground floor\nnear "the lab" \\ tab\there',
      homeCoordinatorEmail: null,
      submittedAt: new Date("2026-03-04T05:06:07.089Z"),
    },
  });
  const event = await db.auditEvent.create({
    data: {
      actorId: student.id,
      action: "backup.test",
      entityType: "Application",
      entityId: application.id,
      // JSON null, not SQL NULL: the text format keeps the two apart.
      before: Prisma.JsonNull,
      after: { lastName: "Ñandú 学生", courses: [1, 2.5, null] },
    },
  });
  // Two more dossiers, nearly all nulls.
  for (const status of ["DRAFT", "ACCEPTED"] as const) {
    const other = await createViewer("STUDENT");
    made.otherApplicationIds.push((await db.application.create({ data: { studentId: other.id, status } })).id);
  }
  Object.assign(made, {
    applicationId: application.id,
    userId: student.id,
    auditEventId: event.id,
    componentId: component.id,
    partnerId: partner.id,
  });

  header = await dumpDatabase({ databaseUrl: process.env.DATABASE_URL!, out: file });
}, 60_000);

afterAll(async () => {
  for (const name of databases) await dropDatabase(server, name);
  await rm(tmpDir, { recursive: true, force: true });
  await server?.stop();
}, 60_000);

describe("db:backup and db:restore", () => {
  let restoredUrl: string;
  let target: string;

  beforeAll(async () => {
    target = newDatabase();
    await restoreBackup({ file, server, database: target });
    restoredUrl = server.urlFor(target);
  }, 60_000);

  it("backs up every table but the migrations' own, with the applied migrations", async () => {
    const names = header.tables.map((table) => table.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Application",
        "AuditEvent",
        "User",
        "Component",
        "_AgreementToComponent",
        "_ComponentCorrespondents",
      ]),
    );
    expect(names).not.toContain("_prisma_migrations");
    const applied = await query<{ name: string }>(
      process.env.DATABASE_URL!,
      "SELECT migration_name AS name FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY 1",
    );
    expect(header.migrations.map((migration) => migration.name)).toEqual(applied.map((row) => row.name));
    expect(header.tables.find((table) => table.name === dossierTable)!.rows).toBeGreaterThan(0);
  });

  it("restores the same row count and checksum in every table", async () => {
    const client = new pg.Client({ connectionString: restoredUrl });
    await client.connect();
    try {
      await fixSessionSettings(client);
      for (const table of header.tables) {
        expect({ table: table.name, ...(await tableStats(client, table.name)) }).toEqual({
          table: table.name,
          rows: table.rows,
          checksum: table.checksum,
        });
      }
    } finally {
      await client.end();
    }
  });

  it("restores the dossiers as they were: the same checksum of the rows' JSON, row for row", async () => {
    // The checksum, over this file's dossiers (other test files change theirs meanwhile).
    const dossierChecksum = `SELECT count(*)::int AS rows, md5(string_agg(row_to_json(a)::text, '' ORDER BY id)) AS checksum
      FROM "Application" a WHERE id = ANY($1::uuid[])`;
    const ids = [[made.applicationId, ...made.otherApplicationIds]];
    const restored = await query(restoredUrl, dossierChecksum, ids);
    expect(restored).toEqual([{ rows: 3, checksum: expect.stringMatching(/^[0-9a-f]{32}$/) }]);
    expect(restored).toEqual(await query(process.env.DATABASE_URL!, dossierChecksum, ids));
    for (const [table, id] of [
      ["Application", made.applicationId],
      ["User", made.userId],
      ["AuditEvent", String(made.auditEventId)],
      ["PartnerInstitution", made.partnerId],
    ] as const) {
      const row = `SELECT row_to_json(t)::text AS json FROM ${quoteIdent(table)} t WHERE id::text = $1`;
      const [restored] = await query<{ json: string }>(restoredUrl, row, [id]);
      expect(restored?.json, table).toBe(
        (await query<{ json: string }>(process.env.DATABASE_URL!, row, [id]))[0]!.json,
      );
    }
    const [application] = await query<{ lastName: string; housingNeeds: string; dateOfBirth: string }>(
      restoredUrl,
      `SELECT "lastName", "housingNeeds", "dateOfBirth"::text AS "dateOfBirth" FROM "Application" WHERE id = $1`,
      [made.applicationId],
    );
    expect(application).toEqual({
      lastName: "Ñandú 学生",
      housingNeeds: 'Ground floor\nnear "the lab" \\ tab\there',
      dateOfBirth: "2001-02-28",
    });
    const [event] = await query(
      restoredUrl,
      `SELECT before IS NULL AS "sqlNull", before = 'null'::jsonb AS "jsonNull" FROM "AuditEvent" WHERE id = $1`,
      [String(made.auditEventId)],
    );
    expect(event).toEqual({ sqlNull: false, jsonNull: true });
  });

  it("continues the audit events' sequence after the restored ids", async () => {
    const [{ max }] = (await query<{ max: string }>(restoredUrl, `SELECT max(id)::text AS max FROM "AuditEvent"`)) as [
      { max: string },
    ];
    expect(BigInt(max)).toBeGreaterThanOrEqual(made.auditEventId);
    const [inserted] = await query<{ id: string }>(
      restoredUrl,
      `INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('backup.test.after', 'Application', $1) RETURNING id::text`,
      [made.applicationId],
    );
    expect(BigInt(inserted!.id)).toBeGreaterThan(BigInt(max));
  });

  it("refuses to replace a database that holds data, unless forced", async () => {
    await expect(restoreBackup({ file, server, database: target })).rejects.toThrow(RestoreRefusedError);
    await expect(
      query(restoredUrl, `SELECT 1 FROM "AuditEvent" WHERE action = 'backup.test.after'`),
    ).resolves.toHaveLength(1);

    await restoreBackup({ file, server, database: target, force: true });
    // Replaced by the backup: the event inserted after the first restore is gone.
    await expect(
      query(restoredUrl, `SELECT 1 FROM "AuditEvent" WHERE action = 'backup.test.after'`),
    ).resolves.toHaveLength(0);
  }, 60_000);

  it("refuses a backup made with migrations this project does not have, and creates nothing", async () => {
    const future = await withHeader((edited) =>
      edited.migrations.push({ name: "29991231000000_from_a_newer_portal", checksum: "0".repeat(64) }),
    );
    const database = newDatabase();
    await expect(restoreBackup({ file: future, server, database })).rejects.toThrow(
      /migrations this project does not have \(29991231000000_from_a_newer_portal\)/,
    );
    expect(await databaseExists(database)).toBe(false);
    expect(await databaseExists(`${database}_restoring`)).toBe(false);
  });

  it("rolls back and keeps the target as it was when the restored data does not match the backup", async () => {
    const tampered = await withHeader((edited) => {
      edited.tables.find((table) => table.name === dossierTable)!.checksum = "0".repeat(32);
    });
    await expect(restoreBackup({ file: tampered, server, database: target, force: true })).rejects.toThrow(
      VerificationError,
    );
    await expect(
      query(restoredUrl, `SELECT 1 FROM "Application" WHERE id = $1`, [made.applicationId]),
    ).resolves.toHaveLength(1);
    expect(await databaseExists(`${target}_restoring`)).toBe(false);
  }, 60_000);

  it("refuses a truncated backup", async () => {
    const lines = gunzipSync(await readFile(file))
      .toString("utf8")
      .split("\n");
    const truncated = path.join(tmpDir, "truncated.jsonl.gz");
    await writeFile(truncated, gzipSync(lines.slice(0, Math.ceil(lines.length / 2)).join("\n")));
    await expect(restoreBackup({ file: truncated, server, database: newDatabase() })).rejects.toThrow(/truncated/);
  }, 60_000);
});
