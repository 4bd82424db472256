import "server-only";
import { z } from "zod";
import { newestApplicationFirst, preferAccepted } from "@/lib/application-status";
import { isNonEuropean } from "@/lib/arrival/rules";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { exportStudentSelect } from "@/lib/exports/student-columns";
import type { ApplicationStatus, ResidenceCity } from "@/lib/generated/prisma/enums";
import { addDays, dateToDay, parisDay, parisInstant } from "@/lib/paris-time";
import { findVisaExemptCountries } from "@/lib/visa-exempt-countries";
import {
  groupSlotsByParisDay,
  isDeskAnnounced,
  isSlotBookable,
  periodOfDay,
  placesLeft,
} from "@/lib/welcome-desk/rules";

// The welcome desk's reads (R-VIS-5, R-INT-4). The student's are scoped to the viewer's own
// application; the admin pages' callers have checked the viewer is an admin (requireRole).

const periodSelect = {
  id: true,
  label: true,
  opensOn: true,
  closesOn: true,
  dailyOpensAt: true,
  dailyClosesAt: true,
} as const;

const deskSelect = {
  id: true,
  city: true,
  placeName: true,
  address: true,
  periods: { orderBy: { opensOn: "asc" }, select: periodSelect },
} as const;

/** R-VIS-7: an opening period, its days as "YYYY-MM-DD" (Paris calendar days). */
export interface WelcomeDeskPeriodInfo {
  id: string;
  label: string | null;
  opensOn: string;
  closesOn: string;
  dailyOpensAt: string;
  dailyClosesAt: string;
}

export interface WelcomeDeskInfo {
  id: string;
  city: ResidenceCity;
  placeName: string | null;
  address: string | null;
  periods: WelcomeDeskPeriodInfo[];
  announced: boolean;
}

export interface StudentSlot {
  id: string;
  startsAt: Date;
  endsAt: Date;
  placesLeft: number;
  bookable: boolean;
}

export interface StudentWelcomeDesk {
  application: { status: ApplicationStatus } | null;
  /** R-VIS-5: shown to newcomers from outside Europe (and when the nationality is unknown). */
  compulsory: boolean;
  /** R-VIS-8: the arrival day the student gave (their arrival checklist), if any. */
  arrivalDay: string | null;
  /** The upcoming days with slots, by Paris day (R-VIS-5), each with its places left. */
  desks: (WelcomeDeskInfo & { days: { day: string; slots: StudentSlot[]; placesLeft: number }[] })[];
  booking: { id: string; startsAt: Date; endsAt: Date; slotId: string; desk: WelcomeDeskInfo } | null;
}

/**
 * The viewer's welcome desk page: every desk with its place, period and hours; for an
 * ACCEPTED application, the upcoming slots by Paris day (with the places left) and the
 * viewer's own booking. Other students' bookings only show as places taken.
 */
export async function getStudentWelcomeDesk(
  viewer: Pick<Viewer, "id">,
  now: Date = new Date(),
): Promise<StudentWelcomeDesk> {
  const [application, europe, desks] = await Promise.all([
    preferAccepted((status) =>
      db.application.findFirst({
        where: { studentId: viewer.id, ...status },
        orderBy: newestApplicationFirst,
        select: {
          status: true,
          nationality: true,
          arrival: { select: { arrivalDate: true } },
          welcomeDeskBooking: {
            select: {
              id: true,
              slot: { select: { id: true, startsAt: true, endsAt: true, desk: { select: deskSelect } } },
            },
          },
        },
      }),
    ),
    findVisaExemptCountries(),
    db.welcomeDesk.findMany({ orderBy: { city: "desc" }, select: deskSelect }),
  ]);
  const accepted = application?.status === "ACCEPTED";
  const slots = accepted
    ? await db.welcomeDeskSlot.findMany({
        where: { startsAt: { gt: now } },
        orderBy: [{ startsAt: "asc" }],
        select: { id: true, deskId: true, startsAt: true, endsAt: true, capacity: true, booked: true },
      })
    : [];
  const booking = application?.welcomeDeskBooking ?? null;
  return {
    application: application ? { status: application.status } : null,
    compulsory: isNonEuropean(application?.nationality ?? null, europe),
    arrivalDay: application?.arrival?.arrivalDate ? dateToDay(application.arrival.arrivalDate) : null,
    desks: desks.map((desk) => ({
      ...withAnnounced(desk),
      days: groupSlotsByParisDay(
        slots.filter((slot) => slot.deskId === desk.id),
        now,
      ).map(({ day, slots: daySlots, placesLeft: left }) => ({
        day,
        placesLeft: left,
        slots: daySlots.map((slot) => studentSlot(slot, now)),
      })),
    })),
    booking:
      booking && accepted
        ? {
            id: booking.id,
            slotId: booking.slot.id,
            startsAt: booking.slot.startsAt,
            endsAt: booking.slot.endsAt,
            desk: withAnnounced(booking.slot.desk),
          }
        : null,
  };
}

/** A desk with its periods' days as calendar days, and whether it is announced (R-VIS-5). */
function withAnnounced<
  T extends {
    placeName: string | null;
    periods: (Omit<WelcomeDeskPeriodInfo, "opensOn" | "closesOn"> & { opensOn: Date; closesOn: Date })[];
  },
>(desk: T): Omit<T, "periods"> & { periods: WelcomeDeskPeriodInfo[]; announced: boolean } {
  const periods = desk.periods.map((period) => ({
    ...period,
    opensOn: dateToDay(period.opensOn),
    closesOn: dateToDay(period.closesOn),
  }));
  return { ...desk, periods, announced: isDeskAnnounced(desk) };
}

function studentSlot(
  slot: { id: string; startsAt: Date; endsAt: Date; capacity: number; booked: number },
  now: Date,
): StudentSlot {
  return {
    id: slot.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    placesLeft: placesLeft(slot),
    bookable: isSlotBookable(slot, now),
  };
}

/**
 * The booking a calendar file describes: the viewer's own only (null for anyone else's, or
 * an id that is not even a UUID, so the route answers 404 alike).
 */
export async function getWelcomeDeskBookingForViewer(viewer: Pick<Viewer, "id" | "role">, bookingId: string) {
  if (viewer.role !== "STUDENT" || !z.uuid().safeParse(bookingId).success) return null;
  return db.welcomeDeskBooking.findFirst({
    where: { id: bookingId, application: { studentId: viewer.id } },
    select: {
      id: true,
      createdAt: true,
      slot: { select: { startsAt: true, endsAt: true, desk: { select: deskSelect } } },
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Admin

/** The admin list: each desk with its slots' and bookings' totals (two desks). */
export async function listWelcomeDesksForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  const [desks, totals] = await Promise.all([
    db.welcomeDesk.findMany({ orderBy: { city: "desc" }, select: deskSelect }),
    db.welcomeDeskSlot.groupBy({ by: ["deskId"], _count: { _all: true }, _sum: { booked: true, capacity: true } }),
  ]);
  return desks.map((desk) => {
    const total = totals.find((row) => row.deskId === desk.id);
    return {
      ...withAnnounced(desk),
      slots: total?._count._all ?? 0,
      booked: total?._sum.booked ?? 0,
      capacity: total?._sum.capacity ?? 0,
    };
  });
}

/**
 * One desk, its periods (each with its slots' and bookings' totals, R-VIS-7), the Paris days
 * that have slots, and the slots of one day (the asked one, else the next day with slots,
 * else the last): a season is a few hundred slots, the page shows one day of them. Null when
 * there is no such desk.
 */
export async function getWelcomeDeskForAdmin(viewer: AdminViewer, id: string, askedDay?: string, now = new Date()) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  const desk = await db.welcomeDesk.findUnique({
    where: { id },
    select: {
      ...deskSelect,
      slots: {
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, capacity: true, booked: true },
      },
    },
  });
  if (!desk) return null;
  const { slots, ...rest } = desk;
  const info = withAnnounced(rest);
  const days = groupSlotsByParisDay(slots, now);
  const today = parisDay(now);
  const day = days.find((one) => one.day === askedDay) ?? days.find((one) => one.day >= today) ?? days.at(-1) ?? null;
  return {
    ...info,
    periods: info.periods.map((period) => {
      const own = days.filter((one) => periodOfDay([period], one.day)).flatMap((one) => one.slots);
      return {
        ...period,
        slots: own.length,
        booked: own.reduce((sum, slot) => sum + slot.booked, 0),
        capacity: own.reduce((sum, slot) => sum + slot.capacity, 0),
      };
    }),
    days: days.map((one) => one.day),
    day: day?.day ?? null,
    slots: day?.slots ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// Staff: who booked which time

/** The attendee list's filters: a desk, one Paris day or one slot (all optional). */
export interface AttendeeFilters {
  deskId?: string;
  day?: string;
  slotId?: string;
}

/** A season's bookings are a few thousand: one bounded read. */
export const attendeeListLimit = 20_000;

/**
 * The students booked at the welcome desk, by desk and time, inside the viewer's scope (a
 * correspondent: their components' students; an admin: all), for the staff list and its export.
 */
export async function listWelcomeDeskAttendees(
  viewer: Pick<Viewer, "role" | "componentIds">,
  filters: AttendeeFilters,
) {
  const dayStart = filters.day ? parisInstant(filters.day, "00:00") : null;
  return db.welcomeDeskBooking.findMany({
    where: {
      application: staffScope(viewer),
      slot: {
        ...(filters.deskId ? { deskId: filters.deskId } : {}),
        ...(filters.slotId ? { id: filters.slotId } : {}),
        ...(filters.day && dayStart
          ? { startsAt: { gte: dayStart, lt: parisInstant(addDays(filters.day, 1), "00:00") } }
          : {}),
      },
    },
    orderBy: [
      { slot: { desk: { city: "desc" } } },
      { slot: { startsAt: "asc" } },
      { application: { lastName: "asc" } },
    ],
    take: attendeeListLimit,
    select: {
      id: true,
      createdAt: true,
      slot: { select: { id: true, startsAt: true, endsAt: true, desk: { select: { city: true, placeName: true } } } },
      application: { select: exportStudentSelect },
    },
  });
}
export type AttendeeRow = Awaited<ReturnType<typeof listWelcomeDeskAttendees>>[number];

/** The desks and the Paris days on which each has times, for the staff's day picker. */
export async function listDeskDaysForStaff() {
  const desks = await db.welcomeDesk.findMany({
    orderBy: { city: "desc" },
    select: {
      id: true,
      city: true,
      placeName: true,
      slots: { select: { startsAt: true }, orderBy: { startsAt: "asc" } },
    },
  });
  return desks.map((desk) => ({
    id: desk.id,
    city: desk.city,
    placeName: desk.placeName,
    days: [...new Set(desk.slots.map((slot) => parisDay(slot.startsAt)))],
  }));
}
