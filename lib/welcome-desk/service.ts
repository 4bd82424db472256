import "server-only";
import { lockOwnAcceptedApplicationOrThrow } from "@/lib/applications/own-application";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { addDays, dateToDay, dayToDate, parisDay, parisInstant } from "@/lib/paris-time";
import { bookedDaysLeftOut, overlappingPeriod, planSlots } from "@/lib/welcome-desk/rules";
import type {
  TBookWelcomeDeskSlot,
  TCancelWelcomeDeskBooking,
  TCreateWelcomeDeskPeriod,
  TDeleteWelcomeDeskPeriod,
  TDeleteWelcomeDeskSlot,
  TGenerateWelcomeDeskSlots,
  TUpdateWelcomeDesk,
  TUpdateWelcomeDeskPeriod,
} from "@/lib/welcome-desk/schemas";

/**
 * The welcome desk (R-VIS-5, R-INT-4): students book a visit (one at a time) and cancel it;
 * admins set each desk's place, its opening periods and hours (R-VIS-7) and its bookable slots.
 * The only writer of WelcomeDesk, WelcomeDeskPeriod, WelcomeDeskSlot and WelcomeDeskBooking; every change is audited in its
 * transaction.
 */

type StudentViewer = Pick<Viewer, "id" | "role">;

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

/**
 * Takes one place in a slot, or says why not. The guarded update is the whole check: two
 * students taking the last place at once are serialised on the slot's row, and the second
 * finds `booked < capacity` false, so a slot never holds more than its capacity (the table's
 * CHECK says so too).
 */
async function takePlaceOrThrow(tx: Tx, slotId: string) {
  const taken = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "WelcomeDeskSlot" SET "booked" = "booked" + 1
    WHERE "id" = ${slotId}::uuid AND "booked" < "capacity" AND "startsAt" > now()
    RETURNING "id"`;
  if (taken.length > 0) return;
  const slot = await tx.welcomeDeskSlot.findUnique({ where: { id: slotId }, select: { startsAt: true } });
  if (!slot) throw new NotFoundError();
  if (slot.startsAt <= new Date()) throw new DomainError("welcomeDeskSlotPast", {}, "slotId");
  throw new DomainError("welcomeDeskSlotFull", {}, "slotId");
}

/** Gives a place back (a cancelled or moved visit). */
async function releasePlace(tx: Tx, slotId: string) {
  await tx.$executeRaw`UPDATE "WelcomeDeskSlot" SET "booked" = "booked" - 1 WHERE "id" = ${slotId}::uuid AND "booked" > 0`;
}

/**
 * R-VIS-5: the student books a slot. A student who already has a visit moves it: the new
 * place is taken and the old one given back in one transaction, so a full slot leaves the
 * old visit as it was. Booking the slot one already has changes nothing.
 */
export async function bookWelcomeDeskSlot(viewer: StudentViewer, input: TBookWelcomeDeskSlot, requestId?: string) {
  return db.$transaction(async (tx) => {
    const application = await lockOwnAcceptedApplicationOrThrow(tx, viewer, "welcomeDeskNotAccepted");
    const current = await tx.welcomeDeskBooking.findUnique({
      where: { applicationId: application.id },
      select: { id: true, slotId: true },
    });
    if (current?.slotId === input.slotId) return { bookingId: current.id, changed: false };
    await takePlaceOrThrow(tx, input.slotId);
    if (current) {
      await tx.welcomeDeskBooking.delete({ where: { id: current.id } });
      await releasePlace(tx, current.slotId);
    }
    const booking = await tx.welcomeDeskBooking.create({
      data: { slotId: input.slotId, applicationId: application.id },
      select: { id: true, slotId: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: current ? "welcomeDesk.move" : "welcomeDesk.book",
      entityType: "WelcomeDeskBooking",
      entityId: booking.id,
      before: current ? { bookingId: current.id, slotId: current.slotId } : undefined,
      after: { applicationId: application.id, slotId: booking.slotId },
      requestId,
    });
    return { bookingId: booking.id, changed: true };
  });
}

/**
 * The student cancels their visit: the booking is deleted and its place given back. Someone
 * else's booking, or one that does not exist, is "not found"; a visit already begun or past
 * cannot be cancelled any more.
 */
export async function cancelWelcomeDeskBooking(
  viewer: StudentViewer,
  input: TCancelWelcomeDeskBooking,
  requestId?: string,
) {
  return db.$transaction(async (tx) => {
    if (viewer.role !== "STUDENT") throw new NotFoundError();
    const owned = await tx.$queryRaw<{ id: string; slotId: string; applicationId: string; startsAt: Date }[]>`
      SELECT b."id", b."slotId", b."applicationId", s."startsAt"
      FROM "WelcomeDeskBooking" b
      JOIN "Application" a ON a."id" = b."applicationId"
      JOIN "WelcomeDeskSlot" s ON s."id" = b."slotId"
      WHERE b."id" = ${input.bookingId}::uuid AND a."studentId" = ${viewer.id}::uuid
      FOR UPDATE OF b`;
    const booking = owned[0];
    if (!booking) throw new NotFoundError();
    if (booking.startsAt <= new Date()) throw new DomainError("welcomeDeskBookingPast");
    const { count } = await tx.welcomeDeskBooking.deleteMany({ where: { id: booking.id } });
    if (count === 0) throw new NotFoundError();
    await releasePlace(tx, booking.slotId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "welcomeDesk.cancel",
      entityType: "WelcomeDeskBooking",
      entityId: booking.id,
      before: { applicationId: booking.applicationId, slotId: booking.slotId },
      requestId,
    });
    return { bookingId: booking.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Admin

const deskFields = { placeName: true, address: true } as const;

/** R-VIS-5: the desk's place and address (null = to be announced). */
export async function updateWelcomeDesk(input: TUpdateWelcomeDesk, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await tx.welcomeDesk.findUnique({ where: { id: input.id }, select: deskFields });
    if (!before) throw new NotFoundError();
    const after = await tx.welcomeDesk.update({
      where: { id: input.id },
      data: { placeName: input.placeName, address: input.address },
      select: deskFields,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "welcomeDesk.update",
      entityType: "WelcomeDesk",
      entityId: input.id,
      before,
      after,
      requestId: actor.requestId,
    });
    return { id: input.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Opening periods (R-VIS-7)

const periodFields = {
  id: true,
  deskId: true,
  label: true,
  opensOn: true,
  closesOn: true,
  dailyOpensAt: true,
  dailyClosesAt: true,
} as const;

type PeriodRow = { id: string; opensOn: Date; closesOn: Date };

/** A period row with its dates as calendar days (for the rules and the audit trail). */
function asDays<T extends PeriodRow>(period: T) {
  return { ...period, opensOn: dateToDay(period.opensOn), closesOn: dateToDay(period.closesOn) };
}

/**
 * Locks the desk's row: its periods are then changed one writer at a time, so two admins
 * adding overlapping periods at once cannot both pass the overlap check (R-VIS-7).
 */
async function lockDeskOrThrow(tx: Tx, deskId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "WelcomeDesk" WHERE "id" = ${deskId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError();
}

/** R-VIS-7: refuses a period sharing a day with another period of the desk. */
async function refuseOverlapOrThrow(
  tx: Tx,
  deskId: string,
  candidate: { id?: string; opensOn: string; closesOn: string },
) {
  const others = await tx.welcomeDeskPeriod.findMany({ where: { deskId }, select: periodFields });
  const clash = overlappingPeriod(candidate, others.map(asDays));
  if (clash) {
    throw new DomainError("welcomeDeskPeriodOverlap", { from: clash.opensOn, to: clash.closesOn }, "opensOn");
  }
}

/** The instants a period's Paris days span: from the first day's midnight to the day after the last. */
function periodSpan(period: { opensOn: string; closesOn: string }) {
  return { gte: parisInstant(period.opensOn, "00:00"), lt: parisInstant(addDays(period.closesOn, 1), "00:00") };
}

/**
 * The desk's row locked, then the period as it is now: every change to a desk's periods and
 * slot generation go through here, one at a time per desk. Not found: "not found".
 */
async function lockPeriodOrThrow(tx: Tx, periodId: string) {
  const found = await tx.welcomeDeskPeriod.findUnique({ where: { id: periodId }, select: { deskId: true } });
  if (!found) throw new NotFoundError();
  await lockDeskOrThrow(tx, found.deskId);
  const period = await tx.welcomeDeskPeriod.findUnique({ where: { id: periodId }, select: periodFields });
  if (!period) throw new NotFoundError();
  return asDays(period);
}

/**
 * R-VIS-7: a period gives up the days outside `kept` (all of them when it is removed): refused
 * if a booked slot falls on one of them, else their unbooked slots are deleted, so no slot is
 * left outside every period. The slots are locked first, so a booking made at the same moment
 * either lands before (and is seen here) or waits and then finds its slot gone. Answers how
 * many slots were deleted.
 */
async function giveUpDaysOrThrow(
  tx: Tx,
  period: { deskId: string; opensOn: string; closesOn: string },
  kept: { opensOn: string; closesOn: string } | null,
) {
  const span = periodSpan(period);
  const slots = await tx.$queryRaw<{ startsAt: Date; booked: number }[]>`
    SELECT "startsAt", "booked" FROM "WelcomeDeskSlot"
    WHERE "deskId" = ${period.deskId}::uuid AND "startsAt" >= ${span.gte} AND "startsAt" < ${span.lt}
    FOR UPDATE`;
  const bookedDays = slots.filter((slot) => slot.booked > 0).map((slot) => parisDay(slot.startsAt));
  const leftOut = bookedDaysLeftOut(bookedDays, kept);
  if (leftOut.length > 0) {
    throw new DomainError(
      "welcomeDeskPeriodBooked",
      { first: leftOut[0]!, last: leftOut.at(-1)! },
      kept ? "opensOn" : undefined,
    );
  }
  const keptSpan = kept ? periodSpan(kept) : null;
  const { count } = await tx.welcomeDeskSlot.deleteMany({
    where: { deskId: period.deskId, booked: 0, startsAt: span, ...(keptSpan ? { NOT: { startsAt: keptSpan } } : {}) },
  });
  return count;
}

/** The fields an admin sets on a period, mapped one by one (never the input spread). */
function periodData(input: TUpdateWelcomeDeskPeriod | TCreateWelcomeDeskPeriod) {
  return {
    label: input.label,
    opensOn: dayToDate(input.opensOn),
    closesOn: dayToDate(input.closesOn),
    dailyOpensAt: input.dailyOpensAt,
    dailyClosesAt: input.dailyClosesAt,
  };
}

/** R-VIS-7: adds an opening period to a desk (audited); refused if it overlaps another. */
export async function createWelcomeDeskPeriod(input: TCreateWelcomeDeskPeriod, actor: Actor) {
  return db.$transaction(async (tx) => {
    await lockDeskOrThrow(tx, input.deskId);
    await refuseOverlapOrThrow(tx, input.deskId, input);
    const period = await tx.welcomeDeskPeriod.create({
      data: { deskId: input.deskId, ...periodData(input) },
      select: periodFields,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "welcomeDesk.addPeriod",
      entityType: "WelcomeDeskPeriod",
      entityId: period.id,
      after: asDays(period),
      requestId: actor.requestId,
    });
    return { deskId: input.deskId, periodId: period.id };
  });
}

/**
 * R-VIS-7: changes a period's name, days or hours (audited). Refused if it would overlap
 * another period, or leave a booked slot outside its days; the unbooked slots of the days it
 * gives up are deleted. Slots already cut keep their times: new hours apply to new slots.
 */
export async function updateWelcomeDeskPeriod(input: TUpdateWelcomeDeskPeriod, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await lockPeriodOrThrow(tx, input.periodId);
    const candidate = { id: before.id, opensOn: input.opensOn, closesOn: input.closesOn };
    await refuseOverlapOrThrow(tx, before.deskId, candidate);
    const deletedSlots = await giveUpDaysOrThrow(tx, before, candidate);
    const after = await tx.welcomeDeskPeriod.update({
      where: { id: before.id },
      data: periodData(input),
      select: periodFields,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "welcomeDesk.updatePeriod",
      entityType: "WelcomeDeskPeriod",
      entityId: before.id,
      before,
      after: { ...asDays(after), deletedSlots },
      requestId: actor.requestId,
    });
    return { deskId: before.deskId, periodId: before.id };
  });
}

/** R-VIS-7: removes a period and its slots (audited); refused while any of its slots is booked. */
export async function deleteWelcomeDeskPeriod(input: TDeleteWelcomeDeskPeriod, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await lockPeriodOrThrow(tx, input.periodId);
    const deletedSlots = await giveUpDaysOrThrow(tx, before, null);
    await tx.welcomeDeskPeriod.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "welcomeDesk.deletePeriod",
      entityType: "WelcomeDeskPeriod",
      entityId: before.id,
      before: { ...before, deletedSlots },
      requestId: actor.requestId,
    });
    return { deskId: before.deskId };
  });
}

/**
 * R-VIS-5, R-VIS-7: the slots of a range of days of one period, cut from its hours as saved.
 * Slots that already exist (same start) are kept as they are, bookings and all; past ones are
 * not made. Answers how many were created.
 */
export async function generateWelcomeDeskSlots(input: TGenerateWelcomeDeskSlots, actor: Actor, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    // Locked, so that the period and hours read here are those the slots are cut from.
    const period = await lockPeriodOrThrow(tx, input.periodId);
    const planned = planSlots(period, {
      from: input.from,
      to: input.to,
      slotMinutes: input.slotMinutes,
      capacity: input.capacity,
      weekdaysOnly: input.weekdaysOnly,
      after: now,
    });
    const { count } = await tx.welcomeDeskSlot.createMany({
      data: planned.map((slot) => ({ deskId: period.deskId, ...slot })),
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "welcomeDesk.generateSlots",
      entityType: "WelcomeDeskPeriod",
      entityId: period.id,
      after: {
        deskId: period.deskId,
        from: input.from,
        to: input.to,
        slotMinutes: input.slotMinutes,
        capacity: input.capacity,
        weekdaysOnly: input.weekdaysOnly,
        created: count,
      },
      requestId: actor.requestId,
    });
    return { deskId: period.deskId, created: count };
  });
}

/**
 * Deletes a slot nobody booked. Guarded on `booked = 0`: a booking taking its place at the
 * same moment holds the row, and the delete then finds it booked and refuses.
 */
export async function deleteWelcomeDeskSlot(input: TDeleteWelcomeDeskSlot, actor: Actor) {
  return db.$transaction(async (tx) => {
    const slot = await tx.welcomeDeskSlot.findUnique({
      where: { id: input.slotId },
      select: { deskId: true, startsAt: true, endsAt: true, capacity: true },
    });
    if (!slot) throw new NotFoundError();
    const { count } = await tx.welcomeDeskSlot.deleteMany({ where: { id: input.slotId, booked: 0 } });
    if (count === 0) throw new DomainError("welcomeDeskSlotHasBookings");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "welcomeDesk.deleteSlot",
      entityType: "WelcomeDeskSlot",
      entityId: input.slotId,
      before: {
        deskId: slot.deskId,
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
        capacity: slot.capacity,
      },
      requestId: actor.requestId,
    });
    return { deskId: slot.deskId };
  });
}
