import { z } from "zod";
import { checkboxField, integerField, isObjectPayload } from "@/lib/form-fields";
import { daysBetween, isDay } from "@/lib/paris-time";
import { minutesOfDay, timeOfDayPattern } from "@/lib/welcome-desk/rules";

/**
 * The welcome desk (R-VIS-5), shared by its forms and their actions. Messages are keys of
 * errors.validation.*; form fields arrive as strings. A student names the slot or the booking
 * they act on; the service loads it scoped to them, so naming someone else's is "not found".
 */

const uuid = z.uuid({ error: "invalid" });

/** R-VIS-5: book a slot (or move one's visit to it). */
export const ZBookWelcomeDeskSlot = z.strictObject({ slotId: z.uuid({ error: "welcomeDeskSlotRequired" }) });
export type TBookWelcomeDeskSlot = z.output<typeof ZBookWelcomeDeskSlot>;

/** Cancel one's visit (the button asks for confirmation first). */
export const ZCancelWelcomeDeskBooking = z.strictObject({ bookingId: uuid });
export type TCancelWelcomeDeskBooking = z.output<typeof ZCancelWelcomeDeskBooking>;

// ---------------------------------------------------------------------------------------------
// Admin: the desk's place, period and hours, and its slots

/** Optional text: spaces collapsed, an empty field is none (to be announced). */
const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .transform((text) => text.trim().replace(/\s+/g, " "))
    .pipe(z.string().max(max, "tooLong"))
    .transform((text) => text || null)
    .default(null);

const requiredDay = z
  .string({ error: "required" })
  .trim()
  .refine((day) => day !== "", "required")
  .refine((day) => day === "" || isDay(day), "dateInvalid");

const timeOfDay = z
  .string({ error: "required" })
  .trim()
  .refine((time) => timeOfDayPattern.test(time), "welcomeDeskTimeInvalid");

function hoursInOrder(input: { dailyOpensAt: unknown; dailyClosesAt: unknown }) {
  const { dailyOpensAt, dailyClosesAt } = input;
  if (typeof dailyOpensAt !== "string" || typeof dailyClosesAt !== "string") return true;
  if (!timeOfDayPattern.test(dailyOpensAt) || !timeOfDayPattern.test(dailyClosesAt)) return true;
  return minutesOfDay(dailyOpensAt) < minutesOfDay(dailyClosesAt);
}

/** R-VIS-5: the desk's place and address; empty = to be announced. When it opens is its periods. */
export const ZUpdateWelcomeDesk = z.strictObject({
  id: z.uuid({ error: "required" }),
  placeName: optionalText(200),
  address: optionalText(300),
});
export type TUpdateWelcomeDesk = z.output<typeof ZUpdateWelcomeDesk>;

/** A typo guard: a period longer than a desk is ever open at once (the autumn intake is ~6 weeks). */
export const maxPeriodDays = 120;

function daysInOrder(input: { opensOn: unknown; closesOn: unknown }) {
  const { opensOn, closesOn } = input;
  return typeof opensOn !== "string" || typeof closesOn !== "string" || !isDay(opensOn) || !isDay(closesOn)
    ? true
    : opensOn <= closesOn;
}

function periodNotTooLong(input: { opensOn: unknown; closesOn: unknown }) {
  const { opensOn, closesOn } = input;
  return typeof opensOn !== "string" || typeof closesOn !== "string" || !isDay(opensOn) || !isDay(closesOn)
    ? true
    : daysBetween(opensOn, closesOn) + 1 <= maxPeriodDays;
}

/** R-VIS-7: a period's name, days and daily hours, as the admin's form sends them. */
const periodFields = {
  label: optionalText(80),
  opensOn: requiredDay,
  closesOn: requiredDay,
  dailyOpensAt: timeOfDay,
  dailyClosesAt: timeOfDay,
};

/** R-VIS-7: the checks of a period's own fields (its overlap with others is the service's). */
function periodChecks<
  T extends z.ZodType<{ opensOn: string; closesOn: string; dailyOpensAt: string; dailyClosesAt: string }>,
>(schema: T) {
  return schema
    .refine(daysInOrder, { message: "welcomeDeskPeriodOrder", path: ["closesOn"], when: isObjectPayload })
    .refine(periodNotTooLong, { message: "welcomeDeskPeriodTooLong", path: ["closesOn"], when: isObjectPayload })
    .refine(hoursInOrder, { message: "welcomeDeskHoursOrder", path: ["dailyClosesAt"], when: isObjectPayload });
}

/** R-VIS-7: a new opening period of a desk. */
export const ZCreateWelcomeDeskPeriod = periodChecks(
  z.strictObject({ deskId: z.uuid({ error: "required" }), ...periodFields }),
);
export type TCreateWelcomeDeskPeriod = z.output<typeof ZCreateWelcomeDeskPeriod>;

/** R-VIS-7: a period's new name, days or hours. */
export const ZUpdateWelcomeDeskPeriod = periodChecks(
  z.strictObject({ periodId: z.uuid({ error: "required" }), ...periodFields }),
);
export type TUpdateWelcomeDeskPeriod = z.output<typeof ZUpdateWelcomeDeskPeriod>;

/** R-VIS-7: removing a period (refused while it has bookings). */
export const ZDeleteWelcomeDeskPeriod = z.strictObject({ periodId: uuid });
export type TDeleteWelcomeDeskPeriod = z.output<typeof ZDeleteWelcomeDeskPeriod>;

/** A typo guard: generating more days at once than a desk is ever open. */
export const maxSlotDays = 120;
export const slotMinutesBounds = { min: 5, max: 240 } as const;
export const slotCapacityBounds = { min: 1, max: 100 } as const;

function rangeInOrder(input: { from: unknown; to: unknown }) {
  return (
    typeof input.from !== "string" ||
    typeof input.to !== "string" ||
    !isDay(input.from) ||
    !isDay(input.to) ||
    input.from <= input.to
  );
}

function rangeNotTooLong(input: { from: unknown; to: unknown }) {
  return (
    typeof input.from !== "string" ||
    typeof input.to !== "string" ||
    !isDay(input.from) ||
    !isDay(input.to) ||
    daysBetween(input.from, input.to) + 1 <= maxSlotDays
  );
}

/** R-VIS-5, R-VIS-7: slots of one length and capacity over a range of days of one period. */
export const ZGenerateWelcomeDeskSlots = z
  .strictObject({
    periodId: z.uuid({ error: "required" }),
    from: requiredDay,
    to: requiredDay,
    slotMinutes: integerField(slotMinutesBounds.min, slotMinutesBounds.max, "welcomeDeskSlotMinutesInvalid"),
    capacity: integerField(slotCapacityBounds.min, slotCapacityBounds.max, "welcomeDeskCapacityInvalid"),
    weekdaysOnly: checkboxField,
  })
  .refine(rangeInOrder, { message: "welcomeDeskPeriodOrder", path: ["to"], when: isObjectPayload })
  .refine(rangeNotTooLong, { message: "welcomeDeskRangeTooLong", path: ["to"], when: isObjectPayload });
export type TGenerateWelcomeDeskSlots = z.output<typeof ZGenerateWelcomeDeskSlots>;

/** Deleting a slot nobody booked. */
export const ZDeleteWelcomeDeskSlot = z.strictObject({ slotId: uuid });
export type TDeleteWelcomeDeskSlot = z.output<typeof ZDeleteWelcomeDeskSlot>;
