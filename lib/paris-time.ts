/**
 * Calendar days and wall-clock times in Europe/Paris, where AMU's deadlines and opening hours
 * are set. Pure: no I/O. A day is a "YYYY-MM-DD" string; arithmetic on days is done on the
 * calendar (UTC dates), never by adding 24-hour periods, so daylight-saving changes cannot
 * shift a deadline by a day.
 */

export const parisTimeZone = "Europe/Paris";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: parisTimeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The day an instant falls on in Paris. */
export function parisDay(instant: Date): string {
  return dayFormat.format(instant);
}

/** "YYYY-MM-DD" of a real calendar day, or null (wrong format, 2027-02-30, …). */
export function parseDay(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isDay(value: string): boolean {
  return parseDay(value) !== null;
}

function dayOf(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

function partsOrThrow(value: string) {
  const parts = parseDay(value);
  if (!parts) throw new RangeError(`Not a calendar day: ${value}`);
  return parts;
}

/**
 * The same day `months` later; a day the target month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February), as deadlines "within N months" are read.
 */
export function addMonths(value: string, months: number): string {
  const { year, month, day } = partsOrThrow(value);
  const targetMonth = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  return dayOf(year, targetMonth, Math.min(day, lastDay));
}

export function addDays(value: string, days: number): string {
  const { year, month, day } = partsOrThrow(value);
  return dayOf(year, month - 1, day + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = partsOrThrow(from);
  const b = partsOrThrow(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** A day as the Date Prisma reads and writes for a `@db.Date` column (UTC midnight). */
export function dayToDate(value: string): Date {
  const { year, month, day } = partsOrThrow(value);
  return new Date(Date.UTC(year, month - 1, day));
}

/** A `@db.Date` column's value as a day. */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: parisTimeZone, timeZoneName: "longOffset" });

/** Paris's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The instant a Paris wall-clock time ("HH:MM") happens on a day. On the spring-forward day a
 * time that does not exist (02:30) is read with the winter offset, i.e. an hour later.
 */
export function parisInstant(value: string, time: string): Date {
  const { year, month, day } = partsOrThrow(value);
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`Not a time: ${time}`);
  const asUtc = Date.UTC(year, month - 1, day, Number(match[1]), Number(match[2]));
  const first = asUtc - parisOffsetMinutes(new Date(asUtc)) * 60_000;
  const second = asUtc - parisOffsetMinutes(new Date(first)) * 60_000;
  return new Date(second);
}

/**
 * The Paris wall clock of an instant, as a Date whose UTC fields read it (14:30 in Paris →
 * 14:30Z). For spreadsheets, which have no time zones: a cell must show what staff in Paris see.
 */
export function parisWallClock(instant: Date): Date {
  return new Date(instant.getTime() + parisOffsetMinutes(instant) * 60_000);
}

/** An instant as the Paris wall clock "YYYY-MM-DDTHH:MM" a datetime-local input shows. */
export function parisWallClockInput(instant: Date): string {
  return parisWallClock(instant).toISOString().slice(0, 16);
}

/** A datetime-local value ("YYYY-MM-DDTHH:MM") read as Paris time, or null when malformed. */
export function parisWallClockInstant(value: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match || !isDay(match[1]!) || Number(match[2]) > 23 || Number(match[3]) > 59) return null;
  return parisInstant(match[1]!, `${match[2]}:${match[3]}`);
}

/** Intl options to show a deadline in Paris time, its zone named ("31 May 2027, 23:59 CEST"). */
export const parisDeadlineFormat = {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: parisTimeZone,
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions;
