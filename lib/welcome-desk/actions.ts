"use server";

import { refresh } from "next/cache";
import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import {
  ZBookWelcomeDeskSlot,
  ZCancelWelcomeDeskBooking,
  ZCreateWelcomeDeskPeriod,
  ZDeleteWelcomeDeskPeriod,
  ZDeleteWelcomeDeskSlot,
  ZGenerateWelcomeDeskSlots,
  ZUpdateWelcomeDesk,
  ZUpdateWelcomeDeskPeriod,
} from "@/lib/welcome-desk/schemas";
import {
  bookWelcomeDeskSlot,
  cancelWelcomeDeskBooking,
  createWelcomeDeskPeriod,
  deleteWelcomeDeskPeriod,
  deleteWelcomeDeskSlot,
  generateWelcomeDeskSlots,
  updateWelcomeDesk,
  updateWelcomeDeskPeriod,
} from "@/lib/welcome-desk/service";

// The student's welcome-desk page (/dossier/welcome-desk) refreshes after each action, so the
// booking and the places left shown are the saved ones. The admin pages redirect with a notice.

/** R-VIS-5: book a slot, or move one's visit to it. */
export const bookWelcomeDeskSlotAction = actionFor("welcomeDesk.bookWelcomeDeskSlot")
  .input(ZBookWelcomeDeskSlot)
  .action(async ({ input, ctx }) => {
    const result = await bookWelcomeDeskSlot(ctx.viewer, input, ctx.requestId);
    refresh();
    return { bookingId: result.bookingId };
  });

export const cancelWelcomeDeskBookingAction = actionFor("welcomeDesk.cancelWelcomeDeskBooking")
  .input(ZCancelWelcomeDeskBooking)
  .action(async ({ input, ctx }) => {
    await cancelWelcomeDeskBooking(ctx.viewer, input, ctx.requestId);
    refresh();
    return { cancelled: true };
  });

export const updateWelcomeDeskAction = actionFor("welcomeDesk.updateWelcomeDesk")
  .input(ZUpdateWelcomeDesk)
  .action(async ({ input, ctx }) => {
    await updateWelcomeDesk(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/welcome-desks/${input.id}`, query: { done: "saved" } });
  });

/** R-VIS-7: a new opening period (such as the spring intake in January). */
export const createWelcomeDeskPeriodAction = actionFor("welcomeDesk.createWelcomeDeskPeriod")
  .input(ZCreateWelcomeDeskPeriod)
  .action(async ({ input, ctx }) => {
    const { deskId } = await createWelcomeDeskPeriod(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/welcome-desks/${deskId}`, query: { done: "saved" } });
  });

export const updateWelcomeDeskPeriodAction = actionFor("welcomeDesk.updateWelcomeDeskPeriod")
  .input(ZUpdateWelcomeDeskPeriod)
  .action(async ({ input, ctx }) => {
    const { deskId } = await updateWelcomeDeskPeriod(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/welcome-desks/${deskId}`, query: { done: "saved" } });
  });

export const deleteWelcomeDeskPeriodAction = actionFor("welcomeDesk.deleteWelcomeDeskPeriod")
  .input(ZDeleteWelcomeDeskPeriod)
  .action(async ({ input, ctx }) => {
    const { deskId } = await deleteWelcomeDeskPeriod(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/welcome-desks/${deskId}`, query: { done: "deleted" } });
  });

export const generateWelcomeDeskSlotsAction = actionFor("welcomeDesk.generateWelcomeDeskSlots")
  .input(ZGenerateWelcomeDeskSlots)
  .action(async ({ input, ctx }) => {
    const { deskId, created } = await generateWelcomeDeskSlots(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/welcome-desks/${deskId}`, query: { generated: String(created) } });
  });

export const deleteWelcomeDeskSlotAction = actionFor("welcomeDesk.deleteWelcomeDeskSlot")
  .input(ZDeleteWelcomeDeskSlot)
  .action(async ({ input, ctx }) => {
    const { deskId } = await deleteWelcomeDeskSlot(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/welcome-desks/${deskId}`, query: { done: "deleted" } });
  });
