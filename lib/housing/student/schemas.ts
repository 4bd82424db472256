import { z } from "zod";
import { interlogSteps } from "@/lib/housing/student/rules";

/**
 * What the student's housing page and the staff's insurance review send. Messages are keys of
 * errors.validation.*. Every input names the request or application it acts on; the service
 * loads it scoped to the viewer, so naming someone else's answers "not found".
 */

const uuid = z.uuid({ error: "invalid" });
/** A form's "true"/"false" or a boolean from code. */
const flag = z.union([z.boolean(), z.stringbool({ error: "invalid" })], { error: "invalid" });

/** R-HOU-4: one INTERLOG step ticked (done) or unticked. */
export const ZInterlogStep = z.strictObject({
  housingRequestId: uuid,
  step: z.enum(interlogSteps, { error: "invalid" }),
  done: flag,
});
export type TInterlogStep = z.output<typeof ZInterlogStep>;

/** A ticked checkbox arrives as "on"; an unticked one does not arrive at all. */
const ticked = (message: string) => z.literal("on", { error: message });

/** R-HOU-5: each of the three commitments must be ticked, explicitly. */
export const ZAcceptCommitments = z.strictObject({
  housingRequestId: uuid,
  payRestOnArrival: ticked("commitmentRequired"),
  wholeStudyPeriod: ticked("commitmentRequired"),
  studyPeriodOnly: ticked("commitmentRequired"),
});
export type TAcceptCommitments = z.output<typeof ZAcceptCommitments>;

/** Giving up an accepted room, confirmed by ticking a box. */
export const ZDeclineRoom = z.strictObject({
  housingRequestId: uuid,
  confirm: ticked("declineConfirmRequired"),
});
export type TDeclineRoom = z.output<typeof ZDeclineRoom>;
