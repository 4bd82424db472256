import "server-only";
import { lockOwnAcceptedApplicationOrThrow } from "@/lib/applications/own-application";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { dateToDay } from "@/lib/paris-time";
import { planSlots } from "@/lib/welcome-desk/rules";
import type {
  TBookWelcomeDeskSlot,
  TCancelWelcomeDeskBooking,
  TDeleteWelcomeDeskSlot,
  TGenerateWelcomeDeskSlots,
  TUpdateWelcomeDesk,
} from "@/lib/welcome-desk/schemas";

/**
 * The welcome desk (R-VIS-5, R-INT-4): students book a visit (one at a time) and cancel it;
 * admins set each desk's place, period and hours and its bookable slots. The only writer of
 * WelcomeDesk, WelcomeDeskSlot and WelcomeDeskBooking; every change is audited in its
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

const deskFields = {
  placeName: true,
  address: true,
  opensOn: true,
  closesOn: true,
  dailyOpensAt: true,
  dailyClosesAt: true,
} as const;

/** Dates as calendar days in the audit trail. */
function auditedDesk(desk: {
  placeName: string | null;
  address: string | null;
  opensOn: Date | null;
  closesOn: Date | null;
  dailyOpensAt: string;
  dailyClosesAt: string;
}) {
  return {
    ...desk,
    opensOn: desk.opensOn && dateToDay(desk.opensOn),
    closesOn: desk.closesOn && dateToDay(desk.closesOn),
  };
}

const asDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

/** R-VIS-5: the desk's place, address, opening period and daily hours (null = to be announced). */
export async function updateWelcomeDesk(input: TUpdateWelcomeDesk, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await tx.welcomeDesk.findUnique({ where: { id: input.id }, select: deskFields });
    if (!before) throw new NotFoundError();
    const after = await tx.welcomeDesk.update({
      where: { id: input.id },
      data: {
        placeName: input.placeName,
        address: input.address,
        opensOn: asDate(input.opensOn),
        closesOn: asDate(input.closesOn),
        dailyOpensAt: input.dailyOpensAt,
        dailyClosesAt: input.dailyClosesAt,
      },
      select: deskFields,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "welcomeDesk.update",
      entityType: "WelcomeDesk",
      entityId: input.id,
      before: auditedDesk(before),
      after: auditedDesk(after),
      requestId: actor.requestId,
    });
    return { id: input.id };
  });
}

/**
 * R-VIS-5: the slots of a range of days, within the desk's period and hours as saved. Slots
 * that already exist (same start) are kept as they are, bookings and all; past ones are not
 * made. Answers how many were created.
 */
export async function generateWelcomeDeskSlots(input: TGenerateWelcomeDeskSlots, actor: Actor, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    // Locked, so that the hours read here are those the slots are cut from.
    const rows = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "WelcomeDesk" WHERE "id" = ${input.deskId}::uuid FOR UPDATE`;
    if (rows.length === 0) throw new NotFoundError();
    const desk = await tx.welcomeDesk.findUniqueOrThrow({ where: { id: input.deskId }, select: deskFields });
    if (!desk.opensOn || !desk.closesOn) throw new DomainError("welcomeDeskPeriodUnknown");
    const planned = planSlots(
      {
        opensOn: dateToDay(desk.opensOn),
        closesOn: dateToDay(desk.closesOn),
        dailyOpensAt: desk.dailyOpensAt,
        dailyClosesAt: desk.dailyClosesAt,
      },
      {
        from: input.from,
        to: input.to,
        slotMinutes: input.slotMinutes,
        capacity: input.capacity,
        weekdaysOnly: input.weekdaysOnly,
        after: now,
      },
    );
    const { count } = await tx.welcomeDeskSlot.createMany({
      data: planned.map((slot) => ({ deskId: input.deskId, ...slot })),
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "welcomeDesk.generateSlots",
      entityType: "WelcomeDesk",
      entityId: input.deskId,
      after: {
        from: input.from,
        to: input.to,
        slotMinutes: input.slotMinutes,
        capacity: input.capacity,
        weekdaysOnly: input.weekdaysOnly,
        created: count,
      },
      requestId: actor.requestId,
    });
    return { deskId: input.deskId, created: count };
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
