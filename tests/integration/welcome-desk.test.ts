import { randomInt } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { visaExemptListCode } from "@/lib/country-lists";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { welcomeDeskIcsResponse } from "@/lib/welcome-desk/ics";
import {
  getStudentWelcomeDesk,
  getWelcomeDeskBookingForViewer,
  getWelcomeDeskForAdmin,
  listWelcomeDesksForAdmin,
} from "@/lib/welcome-desk/queries";
import {
  ZCreateWelcomeDeskPeriod,
  ZGenerateWelcomeDeskSlots,
  ZUpdateWelcomeDesk,
  ZUpdateWelcomeDeskPeriod,
} from "@/lib/welcome-desk/schemas";
import {
  bookWelcomeDeskSlot,
  cancelWelcomeDeskBooking,
  createWelcomeDeskPeriod,
  deleteWelcomeDeskPeriod,
  deleteWelcomeDeskSlot,
  generateWelcomeDeskSlots,
  updateWelcomeDesk,
  updateWelcomeDeskPeriod,
} from "@/lib/welcome-desk/service";
import { seedWelcomeDesks, upcomingWelcomeDeskYear } from "@/prisma/seed-welcome-desks";
import { createComponent, createViewer } from "./fixtures";

// The desks are unique per city: this file sets them as it needs them (the route matrix only
// books a slot of its own). Slots are put at random far-future times, so that tests never meet
// each other's slots.

let component: { id: string };
let admin: Viewer;
let marseille: { id: string };
let aix: { id: string };

beforeAll(async () => {
  component = await createComponent();
  admin = await createViewer("ADMIN");
  // Another file (the route matrix) may have made the desk first, without its place.
  const marseilleDesk = { placeName: "Espace Pouillon", address: "3 place Victor Hugo" };
  marseille = await db.welcomeDesk.upsert({
    where: { city: "MARSEILLE" },
    create: { city: "MARSEILLE", ...marseilleDesk },
    update: marseilleDesk,
    select: { id: true },
  });
  aix = await db.welcomeDesk.upsert({
    where: { city: "AIX" },
    create: { city: "AIX" },
    update: {},
    select: { id: true },
  });
  await db.countryList.upsert({
    where: { code: visaExemptListCode },
    create: { code: visaExemptListCode, countries: ["DE", "FR", "IT", "CH", "NO"] },
    update: {},
  });
});

async function student(status: ApplicationStatus = "ACCEPTED", nationality: string | null = "BR") {
  const viewer = await createViewer("STUDENT");
  const application = await db.application.create({
    data: { studentId: viewer.id, status, nationality, componentId: component.id },
    select: { id: true },
  });
  return { viewer, applicationId: application.id };
}

/** A slot at a random future time (or a past one). */
async function slot(capacity = 4, past = false) {
  const minutes = (1 + randomInt(5_000_000)) * 5;
  const startsAt = new Date(Date.now() + (past ? -1 : 1) * (minutes + 60) * 60_000);
  return db.welcomeDeskSlot.create({
    data: { deskId: marseille.id, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), capacity },
    select: { id: true },
  });
}

const bookedOf = async (slotId: string) =>
  (await db.welcomeDeskSlot.findUniqueOrThrow({ where: { id: slotId }, select: { booked: true } })).booked;

describe("R-VIS-5: booking and cancelling a visit", () => {
  it("books a slot (audited), shows it on the student's page, then cancels it (audited)", async () => {
    const { viewer, applicationId } = await student();
    const { id: slotId } = await slot(4);
    const { bookingId, changed } = await bookWelcomeDeskSlot(viewer, { slotId }, "r-book");
    expect(changed).toBe(true);
    expect(await bookedOf(slotId)).toBe(1);
    expect(
      await db.auditEvent.count({ where: { entityId: bookingId, action: "welcomeDesk.book", actorId: viewer.id } }),
    ).toBe(1);

    const page = await getStudentWelcomeDesk(viewer);
    expect(page.booking).toMatchObject({ id: bookingId, slotId });
    expect(page.compulsory).toBe(true);
    const shown = page.desks.flatMap((desk) => desk.days.flatMap((day) => day.slots)).find((one) => one.id === slotId);
    expect(shown).toMatchObject({ placesLeft: 3, bookable: true });

    await cancelWelcomeDeskBooking(viewer, { bookingId }, "r-cancel");
    expect(await bookedOf(slotId)).toBe(0);
    expect(await db.welcomeDeskBooking.count({ where: { applicationId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: bookingId, action: "welcomeDesk.cancel" } })).toBe(1);
  });

  it("booking the same slot again changes nothing; another slot moves the visit (one booking per student)", async () => {
    const { viewer, applicationId } = await student();
    const first = await slot(2);
    const second = await slot(2);
    const booked = await bookWelcomeDeskSlot(viewer, { slotId: first.id });
    expect((await bookWelcomeDeskSlot(viewer, { slotId: first.id })).changed).toBe(false);
    expect(await bookedOf(first.id)).toBe(1);
    const moved = await bookWelcomeDeskSlot(viewer, { slotId: second.id });
    expect([await bookedOf(first.id), await bookedOf(second.id)]).toEqual([0, 1]);
    expect(await db.welcomeDeskBooking.findMany({ where: { applicationId }, select: { slotId: true } })).toEqual([
      { slotId: second.id },
    ]);
    expect(await db.auditEvent.count({ where: { entityId: moved.bookingId, action: "welcomeDesk.move" } })).toBe(1);
    expect(moved.bookingId).not.toBe(booked.bookingId);
  });

  it("a full slot answers 'full', and a move to it leaves the visit where it was", async () => {
    const first = await student();
    const second = await student();
    const full = await slot(1);
    const other = await slot(1);
    await bookWelcomeDeskSlot(first.viewer, { slotId: full.id });
    await bookWelcomeDeskSlot(second.viewer, { slotId: other.id });
    await expect(bookWelcomeDeskSlot(second.viewer, { slotId: full.id })).rejects.toMatchObject({
      code: "welcomeDeskSlotFull",
      field: "slotId",
    });
    expect([await bookedOf(full.id), await bookedOf(other.id)]).toEqual([1, 1]);
    expect(
      await db.welcomeDeskBooking.findUnique({
        where: { applicationId: second.applicationId },
        select: { slotId: true },
      }),
    ).toEqual({ slotId: other.id });
    const page = await getStudentWelcomeDesk(second.viewer);
    expect(
      page.desks.flatMap((desk) => desk.days.flatMap((day) => day.slots)).find((one) => one.id === full.id),
    ).toMatchObject({ placesLeft: 0, bookable: false });
  });

  it("a past slot, or an unknown one, cannot be booked", async () => {
    const { viewer } = await student();
    const past = await slot(4, true);
    await expect(bookWelcomeDeskSlot(viewer, { slotId: past.id })).rejects.toMatchObject({
      code: "welcomeDeskSlotPast",
    });
    await expect(
      bookWelcomeDeskSlot(viewer, { slotId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await bookedOf(past.id)).toBe(0);
  });

  it("10 students booking a 3-place slot at once: exactly 3 succeed, the others are told it is full", async () => {
    const students = await Promise.all(Array.from({ length: 10 }, () => student()));
    const { id: slotId } = await slot(3);
    const outcomes = await Promise.allSettled(students.map(({ viewer }) => bookWelcomeDeskSlot(viewer, { slotId })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(3);
    for (const outcome of outcomes)
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "welcomeDeskSlotFull" });
    expect(await bookedOf(slotId)).toBe(3);
    expect(await db.welcomeDeskBooking.count({ where: { slotId } })).toBe(3);
  });

  it("two tabs of one student booking two slots at once end with one visit and consistent counts", async () => {
    const { viewer, applicationId } = await student();
    const [a, b] = [await slot(2), await slot(2)];
    await Promise.allSettled([
      bookWelcomeDeskSlot(viewer, { slotId: a.id }),
      bookWelcomeDeskSlot(viewer, { slotId: b.id }),
    ]);
    expect(await db.welcomeDeskBooking.count({ where: { applicationId } })).toBe(1);
    expect((await bookedOf(a.id)) + (await bookedOf(b.id))).toBe(1);
  });

  it("another student's booking is 'not found', to cancel as to download", async () => {
    const owner = await student();
    const other = await student();
    const { id: slotId } = await slot(2);
    const { bookingId } = await bookWelcomeDeskSlot(owner.viewer, { slotId });
    await expect(cancelWelcomeDeskBooking(other.viewer, { bookingId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelWelcomeDeskBooking(admin, { bookingId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await bookedOf(slotId)).toBe(1);

    expect(await getWelcomeDeskBookingForViewer(other.viewer, bookingId)).toBeNull();
    expect(await getWelcomeDeskBookingForViewer(admin, bookingId)).toBeNull();
    expect(await getWelcomeDeskBookingForViewer(owner.viewer, "not-a-uuid")).toBeNull();
    const own = await getWelcomeDeskBookingForViewer(owner.viewer, bookingId);
    expect(own).not.toBeNull();

    const response = welcomeDeskIcsResponse(own!, {
      summary: "Welcome desk",
      description: "Bring your passport",
      location: "AMU",
    });
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="welcome-desk.ics"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await response.text();
    expect(body).toContain(`UID:welcome-desk-${bookingId}@`);
    expect(body).toContain("LOCATION:Espace Pouillon\\, 3 place Victor Hugo");
  });

  it("a student whose application is not accepted is refused; one without an application gets 'not found'", async () => {
    const { id: slotId } = await slot(2);
    for (const status of ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "REJECTED", "WITHDRAWN"] as const) {
      const { viewer } = await student(status);
      const refusal = bookWelcomeDeskSlot(viewer, { slotId });
      await expect(refusal).rejects.toBeInstanceOf(DomainError);
      await expect(refusal).rejects.toMatchObject({ code: "welcomeDeskNotAccepted" });
      const page = await getStudentWelcomeDesk(viewer);
      expect(page.desks.every((desk) => desk.days.length === 0)).toBe(true);
    }
    const nobody = await createViewer("STUDENT");
    await expect(bookWelcomeDeskSlot(nobody, { slotId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await bookedOf(slotId)).toBe(0);
  });

  it("R-VIS-5: the notice shows to non-Europeans and unknown nationalities, not to Europeans", async () => {
    expect((await getStudentWelcomeDesk((await student("ACCEPTED", "DE")).viewer)).compulsory).toBe(false);
    expect((await getStudentWelcomeDesk((await student("ACCEPTED", "US")).viewer)).compulsory).toBe(true);
    expect((await getStudentWelcomeDesk((await student("ACCEPTED", null)).viewer)).compulsory).toBe(true);
  });
});

/**
 * A far-future year of its own per test, and the next one, cleared of the Aix desk's periods,
 * slots and bookings a past run may have left there (the database outlives runs).
 */
async function freshYear() {
  const year = randomInt(3000, 9900);
  const from = new Date(`${year}-01-01T00:00:00Z`);
  const to = new Date(`${year + 2}-01-01T00:00:00Z`);
  await db.welcomeDeskBooking.deleteMany({ where: { slot: { deskId: aix.id, startsAt: { gte: from, lt: to } } } });
  await db.welcomeDeskSlot.deleteMany({ where: { deskId: aix.id, startsAt: { gte: from, lt: to } } });
  await db.welcomeDeskPeriod.deleteMany({ where: { deskId: aix.id, opensOn: { gte: from, lt: to } } });
  return year;
}
const day = (year: number, monthDay: string) => `${year}-${monthDay}`;

async function addPeriod(deskId: string, year: number, from: string, to: string, label: string | null = null) {
  return createWelcomeDeskPeriod(
    ZCreateWelcomeDeskPeriod.parse({
      deskId,
      label: label ?? "",
      opensOn: day(year, from),
      closesOn: day(year, to),
      dailyOpensAt: "09:00",
      dailyClosesAt: "11:00",
    }),
    { id: admin.id, requestId: "r-period" },
  );
}

async function generate(periodId: string, from: string, to: string, capacity = 5) {
  return generateWelcomeDeskSlots(
    ZGenerateWelcomeDeskSlots.parse({ periodId, from, to, slotMinutes: "60", capacity: String(capacity) }),
    { id: admin.id },
  );
}

describe("R-VIS-5: the admin's desk and slots", () => {
  it("updates the desk's place (audited); a place and a period make it announced", async () => {
    await updateWelcomeDesk(ZUpdateWelcomeDesk.parse({ id: aix.id, placeName: "Site Schuman", address: "" }), {
      id: admin.id,
      requestId: "r-desk",
    });
    expect(await db.auditEvent.count({ where: { entityId: aix.id, action: "welcomeDesk.update" } })).toBeGreaterThan(0);
    await addPeriod(aix.id, await freshYear(), "09-01", "09-30");
    const listed = (await listWelcomeDesksForAdmin(admin)).find((desk) => desk.id === aix.id);
    expect(listed).toMatchObject({ placeName: "Site Schuman", announced: true });
  });

  it("deletes a slot nobody booked (audited), refuses one with a booking", async () => {
    const empty = await slot(2);
    await deleteWelcomeDeskSlot({ slotId: empty.id }, { id: admin.id });
    expect(await db.welcomeDeskSlot.count({ where: { id: empty.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: empty.id, action: "welcomeDesk.deleteSlot" } })).toBe(1);

    const taken = await slot(2);
    await bookWelcomeDeskSlot((await student()).viewer, { slotId: taken.id });
    await expect(deleteWelcomeDeskSlot({ slotId: taken.id }, { id: admin.id })).rejects.toMatchObject({
      code: "welcomeDeskSlotHasBookings",
    });
    await expect(deleteWelcomeDeskSlot({ slotId: empty.id }, { id: admin.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("R-VIS-7: several opening periods per desk", () => {
  it("adds an autumn and a spring period (audited) and generates each one's slots, skipping those that exist", async () => {
    const year = await freshYear();
    const autumn = await addPeriod(aix.id, year, "09-01", "09-30", "Autumn intake");
    const spring = await addPeriod(aix.id, year + 1, "01-04", "01-29", "Spring intake");
    for (const { periodId } of [autumn, spring]) {
      expect(await db.auditEvent.count({ where: { entityId: periodId, action: "welcomeDesk.addPeriod" } })).toBe(1);
    }
    // Two days of each period, two one-hour slots a day (09:00–11:00); a range past the
    // period's end gets nothing beyond it.
    expect((await generate(autumn.periodId, day(year, "09-29"), day(year, "10-05"))).created).toBe(4);
    expect((await generate(autumn.periodId, day(year, "09-29"), day(year, "10-05"))).created).toBe(0);
    expect((await generate(spring.periodId, day(year + 1, "01-04"), day(year + 1, "01-05"))).created).toBe(4);
    expect(
      await db.auditEvent.count({ where: { entityId: autumn.periodId, action: "welcomeDesk.generateSlots" } }),
    ).toBe(2);
    // January is winter time: 09:00 in Paris is 08:00 UTC.
    const january = await db.welcomeDeskSlot.findFirstOrThrow({
      where: { deskId: aix.id, startsAt: { gte: new Date(`${day(year + 1, "01-04")}T00:00:00Z`) } },
      orderBy: { startsAt: "asc" },
      select: { startsAt: true },
    });
    expect(january.startsAt.toISOString()).toBe(`${day(year + 1, "01-04")}T08:00:00.000Z`);

    const admin_ = await getWelcomeDeskForAdmin(admin, aix.id, day(year + 1, "01-05"));
    const periods = admin_!.periods.filter((period) => [autumn.periodId, spring.periodId].includes(period.id));
    expect(periods.map((period) => [period.label, period.slots])).toEqual([
      ["Autumn intake", 4],
      ["Spring intake", 4],
    ]);
    expect(admin_!.day).toBe(day(year + 1, "01-05"));
    expect(admin_!.slots).toHaveLength(2);
  });

  it("refuses a period overlapping another (both ends count), changing nothing", async () => {
    const year = await freshYear();
    const autumn = await addPeriod(aix.id, year, "09-01", "09-30");
    const before = await db.welcomeDeskPeriod.count({ where: { deskId: aix.id } });
    for (const [from, to] of [
      ["09-30", "10-15"],
      ["08-15", "09-01"],
      ["09-10", "09-12"],
      ["08-01", "10-31"],
    ] as const) {
      await expect(addPeriod(aix.id, year, from, to)).rejects.toMatchObject({
        code: "welcomeDeskPeriodOverlap",
        field: "opensOn",
      });
    }
    expect(await db.welcomeDeskPeriod.count({ where: { deskId: aix.id } })).toBe(before);
    // Editing a period onto another one's days is refused too; onto its own days, allowed.
    const spring = await addPeriod(aix.id, year + 1, "01-04", "01-29");
    const edit = (opensOn: string, closesOn: string) =>
      updateWelcomeDeskPeriod(
        ZUpdateWelcomeDeskPeriod.parse({
          periodId: spring.periodId,
          label: "",
          opensOn,
          closesOn,
          dailyOpensAt: "09:00",
          dailyClosesAt: "11:00",
        }),
        { id: admin.id },
      );
    await expect(edit(day(year, "09-25"), day(year, "10-20"))).rejects.toMatchObject({
      code: "welcomeDeskPeriodOverlap",
    });
    await edit(day(year + 1, "01-05"), day(year + 1, "01-30"));
    expect(
      await db.welcomeDeskPeriod.findUniqueOrThrow({ where: { id: spring.periodId }, select: { opensOn: true } }),
    ).toEqual({ opensOn: new Date(`${day(year + 1, "01-05")}T00:00:00Z`) });
    expect(autumn.periodId).not.toBe(spring.periodId);
  });

  it("two admins adding overlapping periods at once: exactly one is saved", async () => {
    const year = await freshYear();
    const outcomes = await Promise.allSettled([
      addPeriod(aix.id, year, "09-01", "09-30"),
      addPeriod(aix.id, year, "09-15", "10-15"),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(
      await db.welcomeDeskPeriod.count({
        where: { deskId: aix.id, opensOn: { gte: new Date(`${year}-01-01`), lte: new Date(`${year}-12-31`) } },
      }),
    ).toBe(1);
  });

  it("a period with bookings is neither removed nor shrunk past them; without, it goes with its free slots", async () => {
    const year = await freshYear();
    const { periodId } = await addPeriod(aix.id, year, "09-01", "09-30");
    await generate(periodId, day(year, "09-01"), day(year, "09-30"));
    const booked = await db.welcomeDeskSlot.findFirstOrThrow({
      where: { deskId: aix.id, startsAt: { gte: new Date(`${day(year, "09-10")}T00:00:00Z`) } },
      orderBy: { startsAt: "asc" },
      select: { id: true },
    });
    await bookWelcomeDeskSlot((await student()).viewer, { slotId: booked.id });
    const slotsOf = () =>
      db.welcomeDeskSlot.count({
        where: { deskId: aix.id, startsAt: { gte: new Date(`${year}-01-01`), lt: new Date(`${year + 1}-01-01`) } },
      });
    const all = await slotsOf();
    const edit = (opensOn: string, closesOn: string) =>
      updateWelcomeDeskPeriod(
        ZUpdateWelcomeDeskPeriod.parse({
          periodId,
          label: "",
          opensOn: day(year, opensOn),
          closesOn: day(year, closesOn),
          dailyOpensAt: "09:00",
          dailyClosesAt: "11:00",
        }),
        { id: admin.id },
      );

    await expect(deleteWelcomeDeskPeriod({ periodId }, { id: admin.id })).rejects.toMatchObject({
      code: "welcomeDeskPeriodBooked",
      params: { first: day(year, "09-10"), last: day(year, "09-10") },
    });
    await expect(edit("09-11", "09-30")).rejects.toMatchObject({ code: "welcomeDeskPeriodBooked" });
    await expect(edit("09-01", "09-09")).rejects.toMatchObject({ code: "welcomeDeskPeriodBooked" });
    expect(await slotsOf()).toBe(all);

    // Shrunk around the booked day: the free slots of the days given up are deleted, the booked one stays.
    await edit("09-10", "09-10");
    expect(await slotsOf()).toBe(2);
    expect(await bookedOf(booked.id)).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: periodId, action: "welcomeDesk.updatePeriod" } })).toBe(1);

    // Another period, never booked: removed with its slots (audited).
    const other = await addPeriod(aix.id, year, "11-02", "11-06");
    await generate(other.periodId, day(year, "11-02"), day(year, "11-06"));
    expect(await slotsOf()).toBe(2 + 10);
    await deleteWelcomeDeskPeriod({ periodId: other.periodId }, { id: admin.id });
    expect(await slotsOf()).toBe(2);
    expect(await db.welcomeDeskPeriod.count({ where: { id: other.periodId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: other.periodId, action: "welcomeDesk.deletePeriod" } })).toBe(
      1,
    );
    await expect(deleteWelcomeDeskPeriod({ periodId: other.periodId }, { id: admin.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("a booking and the period's removal at once: one wins, and no booking is left without its slot", async () => {
    for (let round = 0; round < 5; round += 1) {
      const year = await freshYear();
      const { periodId } = await addPeriod(aix.id, year, "09-01", "09-01");
      await generate(periodId, day(year, "09-01"), day(year, "09-01"), 1);
      const slotId = (
        await db.welcomeDeskSlot.findFirstOrThrow({
          where: { deskId: aix.id, startsAt: { gte: new Date(`${day(year, "09-01")}T00:00:00Z`) } },
          select: { id: true },
        })
      ).id;
      const { viewer, applicationId } = await student();
      const [booked, removed] = await Promise.allSettled([
        bookWelcomeDeskSlot(viewer, { slotId }),
        deleteWelcomeDeskPeriod({ periodId }, { id: admin.id }),
      ]);
      expect([booked.status, removed.status].filter((status) => status === "fulfilled")).toHaveLength(1);
      const booking = await db.welcomeDeskBooking.findUnique({ where: { applicationId }, select: { slotId: true } });
      if (booked.status === "fulfilled") {
        expect(removed).toMatchObject({ reason: { code: "welcomeDeskPeriodBooked" } });
        expect(booking).toEqual({ slotId });
        expect(await bookedOf(slotId)).toBe(1);
      } else {
        expect(booking).toBeNull();
        expect(await db.welcomeDeskSlot.count({ where: { id: slotId } })).toBe(0);
      }
    }
  });

  it("R-VIS-8: a spring student books in the second period; the page shows both periods and each one's days", async () => {
    const year = await freshYear();
    const autumn = await addPeriod(aix.id, year, "09-01", "09-30");
    const spring = await addPeriod(aix.id, year + 1, "01-04", "01-29");
    await generate(autumn.periodId, day(year, "09-01"), day(year, "09-02"), 1);
    await generate(spring.periodId, day(year + 1, "01-04"), day(year + 1, "01-05"), 1);
    const { viewer } = await student();

    const page = await getStudentWelcomeDesk(viewer);
    const desk = page.desks.find((one) => one.id === aix.id)!;
    expect(desk.periods.map((period) => period.id)).toEqual(expect.arrayContaining([autumn.periodId, spring.periodId]));
    const days = desk.days.filter((one) => one.day.startsWith(`${year}-`) || one.day.startsWith(`${year + 1}-`));
    expect(days.map((one) => [one.day, one.placesLeft])).toEqual([
      [day(year, "09-01"), 2],
      [day(year, "09-02"), 2],
      [day(year + 1, "01-04"), 2],
      [day(year + 1, "01-05"), 2],
    ]);
    const january = days.find((one) => one.day === day(year + 1, "01-05"))!;
    await bookWelcomeDeskSlot(viewer, { slotId: january.slots[0]!.id });
    const after = (await getStudentWelcomeDesk(viewer)).desks
      .find((one) => one.id === aix.id)!
      .days.find((one) => one.day === january.day)!;
    expect(after.placesLeft).toBe(1);
    expect(after.slots[0]).toMatchObject({ placesLeft: 0, bookable: false });
  });
});

describe("R-VIS-5: the demo's welcome season", () => {
  it.each([
    // Until the January intake of 2026-27 is over (it closes on Friday 29 January 2027).
    ["2026-11-22T10:00:00Z", 2026],
    ["2027-01-29T15:00:00Z", 2026],
    ["2027-01-30T08:00:00Z", 2027],
    ["2027-03-01T10:00:00Z", 2027],
    ["2027-09-15T10:00:00Z", 2027],
    ["2027-10-02T08:00:00Z", 2027],
  ])("on %s the next season is %i's", (now, year) => {
    expect(upcomingWelcomeDeskYear(new Date(now))).toBe(year);
  });
});

describe("R-VIS-5: the seed", () => {
  it("creates Marseille's autumn and spring periods with 30-minute slots, 4 places, on their weekdays, once however often it runs", async () => {
    // 2026: from Monday 31 August to Friday 2 October, 25 weekdays of 14 slots (9:00–16:00).
    // A plain client, as the seed script has (the app's omits no secret here).
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) });
    try {
      await seedWelcomeDesks(prisma, 2026);
      await seedWelcomeDesks(prisma, 2026);
    } finally {
      await prisma.$disconnect();
    }
    const slots = await db.welcomeDeskSlot.findMany({
      where: {
        deskId: marseille.id,
        startsAt: { gte: new Date("2026-08-31T00:00:00Z"), lt: new Date("2026-10-03T00:00:00Z") },
      },
      select: { startsAt: true, capacity: true },
      orderBy: { startsAt: "asc" },
    });
    expect(slots).toHaveLength(25 * 14);
    expect(slots.every((one) => one.capacity === 4)).toBe(true);
    expect(slots[0]!.startsAt.toISOString()).toBe("2026-08-31T07:00:00.000Z");
    expect(slots.at(-1)!.startsAt.toISOString()).toBe("2026-10-02T13:30:00.000Z");
    expect(await db.welcomeDesk.count({ where: { city: { in: ["AIX", "MARSEILLE"] } } })).toBe(2);
    // R-VIS-7: the spring intake, from Monday 4 January to Friday 29 January 2027: 20 weekdays.
    const periods = await db.welcomeDeskPeriod.findMany({
      where: { deskId: marseille.id, opensOn: { gte: new Date("2026-08-01"), lte: new Date("2027-02-28") } },
      orderBy: { opensOn: "asc" },
      select: { opensOn: true, closesOn: true },
    });
    expect(periods.map((period) => [period.opensOn.toISOString(), period.closesOn.toISOString()])).toEqual([
      ["2026-08-31T00:00:00.000Z", "2026-10-02T00:00:00.000Z"],
      ["2027-01-04T00:00:00.000Z", "2027-01-29T00:00:00.000Z"],
    ]);
    expect(
      await db.welcomeDeskSlot.count({
        where: {
          deskId: marseille.id,
          startsAt: { gte: new Date("2027-01-04T00:00:00Z"), lt: new Date("2027-01-30T00:00:00Z") },
        },
      }),
    ).toBe(20 * 14);
  });
});
