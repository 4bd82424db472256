/**
 * Pure rules of the welcome desk (R-VIS-5, R-VIS-7, R-VIS-8, R-INT-4): its opening periods, its
 * time slots by day, who must come, and the calendar file of a visit. No I/O. Paris days and times come from lib/paris-time.ts; who
 * must come is lib/arrival/rules.ts isNonEuropean (R-VIS-5 follows R-VIS-6's list).
 */
import { addDays, parisDay, parisInstant } from "@/lib/paris-time";

/** "HH:MM", 00:00 to 23:59. */
export const timeOfDayPattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight of an "HH:MM" time. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/** 0 = Sunday … 6 = Saturday, of a calendar day. */
function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export interface DeskHours {
  /** The opening period, calendar days; null while to be announced (R-VIS-5). */
  opensOn: string | null;
  closesOn: string | null;
  /** Daily hours, "HH:MM" in Paris. */
  dailyOpensAt: string;
  dailyClosesAt: string;
}

export interface SlotPlan {
  /** Calendar days, both included; only the days within the desk's period get slots. */
  from: string;
  to: string;
  slotMinutes: number;
  capacity: number;
  /** Monday to Friday only. */
  weekdaysOnly: boolean;
  /** Slots starting at or before this instant are left out (nobody can book the past). */
  after?: Date;
}

export interface PlannedSlot {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

/**
 * R-VIS-5: the slots of a desk over a range of days: on each day of the range that falls in
 * the desk's opening period, back-to-back slots of `slotMinutes` from the daily opening time,
 * the last one ending by the closing time. Times are Paris wall-clock times, each converted on
 * its own day, so a slot at 9:00 is at 9:00 in Paris in summer and in winter alike. A desk
 * whose period is not announced has no slot.
 */
export function planSlots(desk: DeskHours, plan: SlotPlan): PlannedSlot[] {
  if (!desk.opensOn || !desk.closesOn) return [];
  const first = plan.from > desk.opensOn ? plan.from : desk.opensOn;
  const last = plan.to < desk.closesOn ? plan.to : desk.closesOn;
  const opensAt = minutesOfDay(desk.dailyOpensAt);
  const closesAt = minutesOfDay(desk.dailyClosesAt);
  const slots: PlannedSlot[] = [];
  if (plan.slotMinutes <= 0) return slots;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const weekday = weekdayOf(day);
    if (plan.weekdaysOnly && (weekday === 0 || weekday === 6)) continue;
    for (let start = opensAt; start + plan.slotMinutes <= closesAt; start += plan.slotMinutes) {
      const startsAt = parisInstant(day, clockTime(start));
      if (plan.after && startsAt <= plan.after) continue;
      slots.push({ startsAt, endsAt: parisInstant(day, clockTime(start + plan.slotMinutes)), capacity: plan.capacity });
    }
  }
  return slots;
}

function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** A slot can be booked while it is in the future and has a free place. */
export function isSlotBookable(slot: { startsAt: Date; capacity: number; booked: number }, now: Date): boolean {
  return slot.startsAt > now && slot.booked < slot.capacity;
}

/** The places left in a slot (never negative). */
export function placesLeft(slot: { capacity: number; booked: number }): number {
  return Math.max(0, slot.capacity - slot.booked);
}

/** R-VIS-5: a desk is announced once its place and at least one opening period are known. */
export function isDeskAnnounced(desk: { placeName: string | null; periods: readonly unknown[] }): boolean {
  return Boolean(desk.placeName) && desk.periods.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Opening periods (R-VIS-7)

/** A period's days, "YYYY-MM-DD", both included. */
export interface PeriodDays {
  id?: string;
  opensOn: string;
  closesOn: string;
}

/**
 * R-VIS-7: the first of a desk's other periods that shares a day with `candidate` (the
 * period being edited is left out by its id), or null. Both ends are included: a period
 * closing on the 30th and one opening on the 30th overlap.
 */
export function overlappingPeriod<T extends PeriodDays>(candidate: PeriodDays, others: readonly T[]): T | null {
  return (
    others.find(
      (other) =>
        other.id !== candidate.id && other.opensOn <= candidate.closesOn && candidate.opensOn <= other.closesOn,
    ) ?? null
  );
}

/**
 * R-VIS-7: the booked days a period's new dates would leave out (a period with bookings can
 * be moved or shrunk only around them). Removing the period leaves them all out.
 */
export function bookedDaysLeftOut(bookedDays: readonly string[], kept: PeriodDays | null): string[] {
  return [...new Set(bookedDays)].filter((day) => !kept || day < kept.opensOn || day > kept.closesOn).sort();
}

/** The period a Paris day falls in (a desk's periods never overlap, so there is one at most). */
export function periodOfDay<T extends PeriodDays>(periods: readonly T[], day: string): T | null {
  return periods.find((period) => period.opensOn <= day && day <= period.closesOn) ?? null;
}

/**
 * R-VIS-8: the periods that let a student come to the desk between their arrival and their
 * residence-permit deadline (the arrival day plus the months the year's procedure gives): those
 * open on at least one day from the arrival to the deadline, in order. Without an arrival date
 * every period still to come fits, as the student's choice of period decides nothing yet.
 */
export function periodsBeforeDeadline<T extends PeriodDays>(
  periods: readonly T[],
  window: { arrivalDay: string | null; deadlineDay: string | null; today: string },
): T[] {
  const from = window.arrivalDay && window.arrivalDay > window.today ? window.arrivalDay : window.today;
  return periods
    .filter((period) => period.closesOn >= from && (!window.deadlineDay || period.opensOn <= window.deadlineDay))
    .sort((a, b) => a.opensOn.localeCompare(b.opensOn));
}

// ---------------------------------------------------------------------------------------------
// The day-by-day picker (R-VIS-5)

export interface DaySlots<S> {
  /** The Paris calendar day, "YYYY-MM-DD". */
  day: string;
  slots: S[];
  /** Places left in the day's bookable slots. */
  placesLeft: number;
}

/**
 * Slots grouped by the Paris day they start on, days in order and each day's slots in order.
 * The day is Paris's, not UTC's: a slot at 00:30 in Paris belongs to that day even though it
 * starts the evening before in UTC, including on the days the clocks change.
 */
export function groupSlotsByParisDay<S extends { startsAt: Date; capacity: number; booked: number }>(
  slots: readonly S[],
  now: Date,
): DaySlots<S>[] {
  const days = new Map<string, DaySlots<S>>();
  for (const slot of [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const day = parisDay(slot.startsAt);
    const entry = days.get(day) ?? { day, slots: [], placesLeft: 0 };
    entry.slots.push(slot);
    if (isSlotBookable(slot, now)) entry.placesLeft += placesLeft(slot);
    days.set(day, entry);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

// ---------------------------------------------------------------------------------------------
// The calendar file of a visit (RFC 5545)

export interface CalendarEvent {
  uid: string;
  /** When the file describes the event from (the booking's time). */
  stamp: Date;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
}

/** RFC 5545 3.3.10: a TEXT value escapes backslashes, semicolons, commas and line breaks. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** RFC 5545 3.3.5: a UTC date-time, 20260831T070000Z. */
export function icsDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded: a CRLF then one space, the space
 * counting in the next line's 75. Cut between characters, never inside a UTF-8 sequence.
 */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > 75) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n");
}

/** A calendar with one event, CRLF line endings, each line folded. */
export function buildIcs(event: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Aix-Marseille Universite//Exchange portal//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.startsAt)}`,
    `DTEND:${icsDateTime(event.endsAt)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `LOCATION:${escapeIcsText(event.location)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldIcsLine).join("\r\n")}\r\n`;
}
