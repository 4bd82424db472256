/**
 * Residences, their rooms per semester (R-HOU-1) and the housing release rounds (R-HOU-3)
 * against a real PostgreSQL: each mutation writes its change and its audit events in the same
 * transaction; a refused one changes nothing and records nothing.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { HousingStatus, Semester } from "@/lib/generated/prisma/enums";
import { getHousingRoundForEdit, listHousingRoundsForAdmin, listRoundKeys } from "@/lib/housing/rounds/queries";
import { defaultReleaseDate } from "@/lib/housing/rounds/rules";
import { ZCreateHousingRound, ZUpdateHousingRound } from "@/lib/housing/rounds/schemas";
import { createHousingRound, updateHousingRound } from "@/lib/housing/rounds/service";
import { getCapacityTable, listResidenceRooms } from "@/lib/residences/queries";
import { ZCreateResidence, ZSetCapacities, ZUpdateResidence } from "@/lib/residences/schemas";
import { createResidence, setCapacities, updateResidence } from "@/lib/residences/service";
import { createViewer } from "./fixtures";

/** This file's actor is its own admin, so its audit events can be counted apart from other files'. */
let admin: { id: string; requestId: string };

beforeAll(async () => {
  const viewer = await createViewer("ADMIN");
  admin = { id: viewer.id, requestId: "test-request" };
});

const tag = () => randomBytes(4).toString("hex");
const eventsOf = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });
const eventsByAdmin = () => db.auditEvent.count({ where: { actorId: admin.id } });

/**
 * Academic years this file alone uses (rounds are unique per year and semester, and the run's
 * database is shared): a shuffled pool within the schema's bounds, far from the current year.
 */
const yearPool = Array.from({ length: 50 }, (_, index) => 2045 + index).sort(() => Math.random() - 0.5);
const freshYear = () => yearPool.pop()!;

async function newResidence(overrides: Record<string, unknown> = {}) {
  return createResidence(
    ZCreateResidence.parse({
      name: `Résidence ${tag()}`,
      city: "MARSEILLE",
      address: "Avenue de Luminy, 13009 Marseille",
      ...overrides,
    }),
    admin,
  );
}

function setRooms(residenceId: string, rows: { academicYear: number; semester: Semester; rooms: number }[]) {
  return setCapacities(ZSetCapacities.parse({ residenceId, capacities: rows }), admin);
}

/** `count` requests of the (year, semester) round in `status`, in the residence (rows created directly: the housing board is another feature). */
async function createRequests(
  residenceId: string,
  academicYear: number,
  semester: Semester,
  count: number,
  status: HousingStatus = "ACCEPTED",
) {
  const round = await db.housingRound.upsert({
    where: { academicYear_semester: { academicYear, semester } },
    create: { academicYear, semester, releaseAt: defaultReleaseDate(academicYear, semester) },
    update: {},
  });
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const student = await createViewer("STUDENT");
    const application = await db.application.create({
      data: { studentId: student.id, status: "ACCEPTED", housingRequested: true, housingCity: "MARSEILLE" },
    });
    const request = await db.housingRequest.create({
      data: {
        applicationId: application.id,
        roundId: round.id,
        cityPreference: "MARSEILLE",
        requestedAt: new Date(),
        status,
        residenceId: status === "ACCEPTED" ? residenceId : null,
      },
    });
    ids.push(request.id);
  }
  return { round, ids };
}

const roomsOf = async (residenceId: string) =>
  await db.residenceCapacity.findMany({
    where: { residenceId },
    orderBy: [{ academicYear: "asc" }, { semester: "asc" }],
    select: { academicYear: true, semester: true, rooms: true },
  });

// ---------------------------------------------------------------------------------------------

describe("residences", () => {
  it("creates a residence with one audit event", async () => {
    const residence = await newResidence({ city: "AIX", address: "" });
    expect(await db.residence.findUniqueOrThrow({ where: { id: residence.id } })).toMatchObject({
      name: residence.name,
      city: "AIX",
      address: null,
    });
    const events = await eventsOf(residence.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "residence.create",
      entityType: "Residence",
      actorId: admin.id,
      requestId: "test-request",
    });
    expect(events[0]!.after).toEqual({ name: residence.name, city: "AIX", address: null });
  });

  it("edits a residence with one audit event holding before and after", async () => {
    const residence = await newResidence();
    const name = `Résidence renommée ${tag()}`;
    await updateResidence(
      ZUpdateResidence.parse({
        id: residence.id,
        name,
        city: "AIX",
        address: "Allée des Cuques, 13100 Aix-en-Provence",
      }),
      admin,
    );
    expect(await db.residence.findUniqueOrThrow({ where: { id: residence.id } })).toMatchObject({
      name,
      city: "AIX",
      address: "Allée des Cuques, 13100 Aix-en-Provence",
    });
    const events = await eventsOf(residence.id);
    expect(events.map((event) => event.action)).toEqual(["residence.create", "residence.update"]);
    expect(events[1]!.before).toMatchObject({ name: residence.name, city: "MARSEILLE" });
    expect(events[1]!.after).toMatchObject({ name, city: "AIX" });
  });

  it("refuses a name another residence has, whatever its case, on its field, and changes nothing (create and edit)", async () => {
    const first = await newResidence();
    const other = await newResidence();
    const eventsBefore = await eventsByAdmin();

    for (const name of [first.name, first.name.toUpperCase()]) {
      const again = newResidence({ name });
      await expect(again).rejects.toBeInstanceOf(DomainError);
      await expect(again).rejects.toMatchObject({ code: "residenceNameTaken", field: "name" });
    }
    const edit = updateResidence(
      ZUpdateResidence.parse({ id: other.id, name: first.name.toLowerCase(), city: "AIX" }),
      admin,
    );
    await expect(edit).rejects.toMatchObject({ code: "residenceNameTaken", field: "name" });

    expect(await db.residence.count({ where: { name: { equals: first.name, mode: "insensitive" } } })).toBe(1);
    expect(await db.residence.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      name: other.name,
      city: "MARSEILLE",
    });
    expect(await eventsByAdmin()).toBe(eventsBefore);
  });

  it("keeps its own name when edited (the uniqueness check skips the residence itself)", async () => {
    const residence = await newResidence();
    await updateResidence(ZUpdateResidence.parse({ id: residence.id, name: residence.name, city: "AIX" }), admin);
    expect(await db.residence.findUniqueOrThrow({ where: { id: residence.id } })).toMatchObject({
      name: residence.name,
      city: "AIX",
    });
  });

  it("answers with the name's error, not a crash, when two admins create the same name at once", async () => {
    const name = `Résidence simultanée ${tag()}`;
    const results = await Promise.allSettled([newResidence({ name }), newResidence({ name })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "residenceNameTaken", field: "name" });
    expect(await db.residence.count({ where: { name } })).toBe(1);
  });

  it("answers not found for a residence that does not exist", async () => {
    const ghost = "00000000-0000-4000-8000-000000000000";
    await expect(
      updateResidence(ZUpdateResidence.parse({ id: ghost, name: `Ghost ${tag()}`, city: "AIX" }), admin),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(setRooms(ghost, [{ academicYear: freshYear(), semester: "S1", rooms: 1 }])).rejects.toMatchObject({
      code: "notFound",
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe("rooms per academic year and semester (R-HOU-1)", () => {
  it("creates the rows, then updates them on their unique key, with one audit event per changed row", async () => {
    const residence = await newResidence();
    const year = freshYear();
    await setRooms(residence.id, [
      { academicYear: year, semester: "S1", rooms: 10 },
      { academicYear: year, semester: "S2", rooms: 5 },
    ]);
    expect(await roomsOf(residence.id)).toEqual([
      { academicYear: year, semester: "S1", rooms: 10 },
      { academicYear: year, semester: "S2", rooms: 5 },
    ]);

    // S1 unchanged (not written, not audited), S2 updated, next year's S1 created.
    const result = await setRooms(residence.id, [
      { academicYear: year, semester: "S1", rooms: 10 },
      { academicYear: year, semester: "S2", rooms: 7 },
      { academicYear: year + 1, semester: "S1", rooms: 0 },
    ]);
    expect(result).toEqual({ changed: 1 });
    expect(await roomsOf(residence.id)).toEqual([
      { academicYear: year, semester: "S1", rooms: 10 },
      { academicYear: year, semester: "S2", rooms: 7 },
    ]);

    const rows = await db.residenceCapacity.findMany({
      where: { residenceId: residence.id },
      select: { id: true, semester: true },
    });
    const s2 = rows.find((row) => row.semester === "S2")!;
    const events = await eventsOf(s2.id);
    expect(events.map((event) => event.action)).toEqual(["residenceCapacity.set", "residenceCapacity.set"]);
    expect(events[0]).toMatchObject({
      entityType: "ResidenceCapacity",
      actorId: admin.id,
      before: null,
      after: { residenceId: residence.id, academicYear: year, semester: "S2", rooms: 5 },
    });
    expect(events[1]).toMatchObject({ before: { rooms: 5 }, after: { rooms: 7 } });
    const s1 = rows.find((row) => row.semester === "S1")!;
    expect(await eventsOf(s1.id)).toHaveLength(1);
  });

  it("takes 0 rooms where none were set as no change (no row, no event)", async () => {
    const residence = await newResidence();
    const before = await eventsByAdmin();
    expect(await setRooms(residence.id, [{ academicYear: freshYear(), semester: "S2", rooms: 0 }])).toEqual({
      changed: 0,
    });
    expect(await roomsOf(residence.id)).toEqual([]);
    expect(await eventsByAdmin()).toBe(before);
  });

  it("lowers the rooms down to the accepted requests, not below: the refusal names the number accepted, on the row's field, and changes no row", async () => {
    const residence = await newResidence();
    const year = freshYear();
    await setRooms(residence.id, [
      { academicYear: year, semester: "S1", rooms: 5 },
      { academicYear: year, semester: "S2", rooms: 4 },
    ]);
    await createRequests(residence.id, year, "S1", 3, "ACCEPTED");
    // Other statuses and other residences hold no room here.
    await createRequests(residence.id, year, "S1", 2, "WAITLISTED");
    await createRequests((await newResidence()).id, year, "S1", 1, "ACCEPTED");
    const eventsBefore = await eventsByAdmin();

    // Row 0 (S2) would be fine alone; row 1 (S1) goes below the 3 accepted: nothing is written.
    const refused = setRooms(residence.id, [
      { academicYear: year, semester: "S2", rooms: 1 },
      { academicYear: year, semester: "S1", rooms: 2 },
    ]);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({
      code: "roomsBelowAccepted",
      field: "capacities.1.rooms",
      params: { accepted: 3, semester: "S1" },
    });
    expect(await roomsOf(residence.id)).toEqual([
      { academicYear: year, semester: "S1", rooms: 5 },
      { academicYear: year, semester: "S2", rooms: 4 },
    ]);
    expect(await eventsByAdmin()).toBe(eventsBefore);

    // Down to exactly the accepted requests is allowed: the residence is then full.
    await setRooms(residence.id, [{ academicYear: year, semester: "S1", rooms: 3 }]);
    expect((await roomsOf(residence.id))[0]).toEqual({ academicYear: year, semester: "S1", rooms: 3 });
    const table = await getCapacityTable({ role: "ADMIN" }, residence.id, [year]);
    expect(table).toEqual([
      { academicYear: year, semester: "S1", rooms: 3, accepted: 3 },
      { academicYear: year, semester: "S2", rooms: 4, accepted: 0 },
    ]);
    const rooms = await listResidenceRooms(year, "S1");
    expect(rooms.find((row) => row.id === residence.id)).toMatchObject({ rooms: 3, accepted: 3, free: 0 });
  });

  it("refuses rooms below accepted requests even where no capacity row exists (never exceeded)", async () => {
    const residence = await newResidence();
    const year = freshYear();
    await createRequests(residence.id, year, "S2", 1, "ACCEPTED");
    await expect(setRooms(residence.id, [{ academicYear: year, semester: "S2", rooms: 0 }])).resolves.toEqual({
      changed: 0,
    });
    await expect(
      setRooms(residence.id, [
        { academicYear: year, semester: "S2", rooms: 0 },
        { academicYear: year, semester: "S1", rooms: 2 },
      ]),
    ).resolves.toEqual({ changed: 1 });
    // No row for S2 and 0 typed: "no change". Typing 1 is fine; lowering it to 0 again is refused.
    await setRooms(residence.id, [{ academicYear: year, semester: "S2", rooms: 1 }]);
    await expect(setRooms(residence.id, [{ academicYear: year, semester: "S2", rooms: 0 }])).rejects.toMatchObject({
      code: "roomsBelowAccepted",
      params: { accepted: 1 },
    });
  });

  it("waits for a decision holding the capacity row's lock, then counts its acceptance: the rooms never go below", async () => {
    const residence = await newResidence();
    const year = freshYear();
    await setRooms(residence.id, [{ academicYear: year, semester: "S1", rooms: 2 }]);
    const { ids } = await createRequests(residence.id, year, "S1", 2, "PENDING");
    await db.housingRequest.update({ where: { id: ids[0]! }, data: { status: "ACCEPTED", residenceId: residence.id } });

    // A decision as the housing board takes it: lock the capacity row, count, then accept.
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const decision = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT rooms FROM "ResidenceCapacity" WHERE "residenceId" = ${residence.id}::uuid AND "academicYear" = ${year} AND semester = 'S1'::"Semester" FOR UPDATE`;
      locked();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.housingRequest.update({
        where: { id: ids[1]! },
        data: { status: "ACCEPTED", residenceId: residence.id },
      });
    });
    await lockTaken;
    // 1 accepted when the admin saves, but 2 once the decision commits: lowering to 1 is refused.
    const lowering = setRooms(residence.id, [{ academicYear: year, semester: "S1", rooms: 1 }]);
    await decision;
    await expect(lowering).rejects.toMatchObject({ code: "roomsBelowAccepted", params: { accepted: 2 } });
    expect((await roomsOf(residence.id))[0]!.rooms).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------

describe("housing release rounds (R-HOU-3)", () => {
  const create = (input: Record<string, unknown>) =>
    createHousingRound(ZCreateHousingRound.parse({ policy: "FIRST_COME", ...input }), admin);
  const update = (input: Record<string, unknown>) =>
    updateHousingRound(ZUpdateHousingRound.parse({ policy: "FIRST_COME", ...input }), admin);

  it("creates a round with the default date (July 1 for S1, December 1 for S2) when none is typed, with one audit event", async () => {
    const year = freshYear();
    const first = await create({ academicYear: year, semester: "S1", releaseAt: "" });
    const second = await create({ academicYear: year, semester: "S2" });
    expect(first.releaseAt.toISOString()).toBe(`${year}-07-01T12:00:00.000Z`);
    expect(second.releaseAt.toISOString()).toBe(`${year}-12-01T12:00:00.000Z`);
    const events = await eventsOf(first.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "housingRound.create",
      entityType: "HousingRound",
      actorId: admin.id,
      after: { academicYear: year, semester: "S1", policy: "FIRST_COME", releasedAt: null },
    });
  });

  it("creates a round with the date and policy typed", async () => {
    const year = freshYear();
    const round = await create({ academicYear: year, semester: "S1", releaseAt: `${year}-06-26`, policy: "RANKING" });
    expect(await db.housingRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
      academicYear: year,
      semester: "S1",
      policy: "RANKING",
      releaseAt: new Date(`${year}-06-26T12:00:00Z`),
      releasedAt: null,
    });
  });

  it("refuses a second round for one year and semester, on the year's field, whoever created the first (an admin, or a student's request)", async () => {
    const year = freshYear();
    await create({ academicYear: year, semester: "S1" });
    // As a student's request creates it: find-or-create with the default date.
    await db.$executeRaw`INSERT INTO "HousingRound" (id, "academicYear", semester, "releaseAt") VALUES (gen_random_uuid(), ${year}, 'S2'::"Semester", ${defaultReleaseDate(year, "S2")}) ON CONFLICT ("academicYear", semester) DO NOTHING`;
    const eventsBefore = await eventsByAdmin();
    for (const semester of ["S1", "S2"]) {
      const again = create({ academicYear: year, semester, policy: "RANKING" });
      await expect(again).rejects.toBeInstanceOf(DomainError);
      await expect(again).rejects.toMatchObject({ code: "roundExists", field: "academicYear", params: { semester } });
    }
    expect(await db.housingRound.count({ where: { academicYear: year } })).toBe(2);
    expect(await db.housingRound.count({ where: { academicYear: year, policy: "RANKING" } })).toBe(0);
    expect(await eventsByAdmin()).toBe(eventsBefore);
  });

  it("answers with the year's error, not a crash, when two admins create the same round at once", async () => {
    const year = freshYear();
    const results = await Promise.allSettled([
      create({ academicYear: year, semester: "S2" }),
      create({ academicYear: year, semester: "S2" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "roundExists",
      field: "academicYear",
    });
  });

  it("edits the date and the policy of a round not released, with one audit event holding before and after", async () => {
    const year = freshYear();
    const round = await create({ academicYear: year, semester: "S2" });
    await update({ id: round.id, releaseAt: `${year}-12-08`, policy: "RANKING" });
    expect(await db.housingRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
      releaseAt: new Date(`${year}-12-08T12:00:00Z`),
      policy: "RANKING",
    });
    const events = await eventsOf(round.id);
    expect(events.map((event) => event.action)).toEqual(["housingRound.create", "housingRound.update"]);
    expect(events[1]!.before).toMatchObject({ policy: "FIRST_COME", releaseAt: `${year}-12-01T12:00:00.000Z` });
    expect(events[1]!.after).toMatchObject({ policy: "RANKING", releaseAt: `${year}-12-08T12:00:00.000Z` });
    // An empty date goes back to the default one.
    await update({ id: round.id, releaseAt: "" });
    expect((await db.housingRound.findUniqueOrThrow({ where: { id: round.id } })).releaseAt).toEqual(
      defaultReleaseDate(year, "S2"),
    );
  });

  it("refuses a date outside the round's academic year on the date's field, and changes nothing", async () => {
    const year = freshYear();
    const round = await create({ academicYear: year, semester: "S1" });
    const eventsBefore = await eventsByAdmin();
    await expect(update({ id: round.id, releaseAt: `${year + 1}-07-01`, policy: "RANKING" })).rejects.toMatchObject({
      code: "validation.releaseDateRange",
      field: "releaseAt",
    });
    expect(await db.housingRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
      policy: "FIRST_COME",
      releaseAt: defaultReleaseDate(year, "S1"),
    });
    expect(await eventsByAdmin()).toBe(eventsBefore);
  });

  it("refuses to edit a released round, and changes nothing", async () => {
    const year = freshYear();
    const round = await create({ academicYear: year, semester: "S1" });
    const releasedAt = new Date(`${year}-07-02T08:00:00Z`);
    await db.housingRound.update({ where: { id: round.id }, data: { releasedAt } });
    const eventsBefore = await eventsByAdmin();
    const refused = update({ id: round.id, releaseAt: `${year}-07-15`, policy: "RANKING" });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: "roundReleased" });
    expect(await db.housingRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
      policy: "FIRST_COME",
      releaseAt: defaultReleaseDate(year, "S1"),
      releasedAt,
    });
    expect(await eventsByAdmin()).toBe(eventsBefore);
    expect(await getHousingRoundForEdit({ role: "ADMIN" }, round.id)).toMatchObject({
      releasedAt,
      _count: { requests: 0 },
    });
  });

  it("answers not found for a round that does not exist (or an id that is not one)", async () => {
    await expect(update({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "notFound" });
    expect(await getHousingRoundForEdit({ role: "ADMIN" }, "42")).toBeNull();
  });
});

describe("the administration's round queries take an admin as proof", () => {
  it.each(["CORRESPONDENT", "STUDENT"] as const)("refuses a %s", async (role) => {
    await expect(listHousingRoundsForAdmin({ role })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getHousingRoundForEdit({ role }, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(listRoundKeys({ role }, 2026)).rejects.toMatchObject({ code: "forbidden" });
  });
});
