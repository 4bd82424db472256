"use server";

import { refresh } from "next/cache";
import { actionFor } from "@/lib/actions/chain";
import { ZAcceptCommitments, ZDeclineRoom, ZInterlogStep } from "@/lib/housing/student/schemas";
import { acceptHousingCommitments, declineHousingRoom, setInterlogStep } from "@/lib/housing/student/service";
import { notify } from "@/lib/mail/notify";

// The student's housing page (/dossier/housing): each action answers with what changed and
// refreshes the page, so the reservation's state shown next to the form is the saved one.

/** R-HOU-4: tick or untick one INTERLOG step. */
export const setInterlogStepAction = actionFor("studentHousing.setInterlogStep")
  .input(ZInterlogStep)
  .action(async ({ input, ctx }) => {
    const result = await setInterlogStep(ctx.viewer, input, ctx.requestId);
    refresh();
    return { step: result.step, done: result.doneAt !== null, confirmed: result.confirmed };
  });

/** R-HOU-5: accept the three commitments (once and for all). */
export const acceptHousingCommitmentsAction = actionFor("studentHousing.acceptHousingCommitments")
  .input(ZAcceptCommitments)
  .action(async ({ input, ctx }) => {
    const result = await acceptHousingCommitments(ctx.viewer, input, ctx.requestId);
    refresh();
    return { confirmed: result.confirmed };
  });

/** Give up the room; staff offer it to the waitlist (and send the e-mails). */
export const declineHousingRoomAction = actionFor("studentHousing.declineHousingRoom")
  .input(ZDeclineRoom)
  .action(async ({ input, ctx }) => {
    await declineHousingRoom(ctx.viewer, input, ctx.requestId);
    // The room goes to the waitlist (staff confirm); the student is told it is given up.
    await notify(ctx.viewer.email, ctx.viewer.locale, "housingDeclined", { name: ctx.viewer.name }, ctx.requestId);
    refresh();
    return { declined: true };
  });
