import { z } from "zod";
import { academicYearBounds } from "@/lib/academic-year";
import { integerField } from "@/lib/form-fields";
import { requiredText } from "@/lib/integration/form-text";
import { isDay } from "@/lib/paris-time";

/** The integration week (R-INT-1): the student's sign-up and the admin's sessions. */

export const ZSignUpForIntegrationWeek = z.strictObject({ sessionId: z.uuid({ error: "invalid" }) });
export type TSignUpForIntegrationWeek = z.output<typeof ZSignUpForIntegrationWeek>;

/** Withdrawing names nothing: a student has at most one sign-up, found from them. */
export const ZWithdrawFromIntegrationWeek = z.strictObject({});
export type TWithdrawFromIntegrationWeek = z.output<typeof ZWithdrawFromIntegrationWeek>;

const day = z
  .string({ error: "required" })
  .trim()
  .refine((value) => value !== "", "required")
  .refine((value) => value === "" || isDay(value), "dateInvalid");

export const sessionCapacityBounds = { min: 1, max: 2000 } as const;

const sessionFields = {
  academicYear: integerField(academicYearBounds.min, academicYearBounds.max, "academicYearInvalid"),
  title: requiredText(120),
  startsOn: day,
  endsOn: day,
  dailyHours: requiredText(60),
  totalHours: integerField(1, 200, "invalid"),
  place: requiredText(300),
  capacity: integerField(sessionCapacityBounds.min, sessionCapacityBounds.max, "capacityInvalid"),
};

const inOrder = (input: { startsOn: string; endsOn: string }) => input.startsOn <= input.endsOn;

export const ZCreateIntegrationSession = z
  .strictObject(sessionFields)
  .refine(inOrder, { message: "welcomeDeskPeriodOrder", path: ["endsOn"] });
export type TCreateIntegrationSession = z.output<typeof ZCreateIntegrationSession>;

export const ZUpdateIntegrationSession = z
  .strictObject({ id: z.uuid({ error: "invalid" }), ...sessionFields })
  .refine(inOrder, { message: "welcomeDeskPeriodOrder", path: ["endsOn"] });
export type TUpdateIntegrationSession = z.output<typeof ZUpdateIntegrationSession>;
