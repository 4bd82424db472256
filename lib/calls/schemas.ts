import { z } from "zod";
import { academicYearBounds } from "@/lib/academic-year";
import { asList, integerField, isObjectPayload } from "@/lib/form-fields";
import { StudyPeriod } from "@/lib/generated/prisma/enums";
import { parisWallClockInstant } from "@/lib/paris-time";

/**
 * Calls for applications (R-ELI-8), shared by the admin forms and their actions. Messages are
 * keys of errors.validation.*. Dates arrive from datetime-local inputs and are read in Paris time.
 */

const ZParisDateTime = z
  .string({ error: "required" })
  .trim()
  .refine((value) => value !== "", "required")
  .refine((value) => value === "" || parisWallClockInstant(value) !== null, "dateInvalid")
  .transform((value) => parisWallClockInstant(value)!);

/** R-ELI-8: the faculties the call is limited to; none ticked: every faculty. */
const ZCallComponentIds = z.preprocess(
  asList,
  z
    .array(z.uuid({ error: "invalid" }), { error: "invalid" })
    .max(50, "tooMany")
    .transform((ids) => [...new Set(ids)]),
);

const dates = {
  opensAt: ZParisDateTime,
  nominationDeadline: ZParisDateTime,
  applicationDeadline: ZParisDateTime,
  componentIds: ZCallComponentIds,
};

type Dates = { opensAt: unknown; nominationDeadline: unknown; applicationDeadline: unknown };
const both = (a: unknown, b: unknown): [Date, Date] | null =>
  a instanceof Date && b instanceof Date && !Number.isNaN(a.getTime()) && !Number.isNaN(b.getTime()) ? [a, b] : null;

/** The call opens before its deadline; nominations are expected no later than applications. */
function withDateOrder<T extends z.ZodType<Dates>>(schema: T) {
  return schema
    .refine(
      (input) => {
        const pair = both(input.opensAt, input.applicationDeadline);
        return !pair || pair[0] < pair[1];
      },
      { message: "callDeadlineBeforeOpening", path: ["applicationDeadline"], when: isObjectPayload },
    )
    .refine(
      (input) => {
        const pair = both(input.nominationDeadline, input.applicationDeadline);
        return !pair || pair[0] <= pair[1];
      },
      { message: "callNominationAfterDeadline", path: ["nominationDeadline"], when: isObjectPayload },
    );
}

export const ZCreateCall = withDateOrder(
  z.strictObject({
    academicYear: integerField(academicYearBounds.min, academicYearBounds.max, "yearInvalid"),
    period: z.enum(StudyPeriod, { error: "required" }),
    ...dates,
  }),
);
export type TCreateCall = z.output<typeof ZCreateCall>;

/** The year and period name the call (applications answer it): only its dates change. */
export const ZUpdateCall = withDateOrder(z.strictObject({ id: z.uuid({ error: "required" }), ...dates }));
export type TUpdateCall = z.output<typeof ZUpdateCall>;

/** R-ELI-8: one student's exception to a closed call, always with its reason. */
export const ZGrantLateSubmission = z.strictObject({
  callId: z.uuid({ error: "required" }),
  email: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "emailInvalid" })),
  reason: z.string({ error: "required" }).trim().pipe(z.string().min(3, "required").max(500, "tooLong")),
});
export type TGrantLateSubmission = z.output<typeof ZGrantLateSubmission>;
