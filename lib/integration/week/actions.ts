"use server";

import { refresh } from "next/cache";
import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { mailMovedUp } from "@/lib/integration/week/mail";
import {
  ZCreateIntegrationSession,
  ZSignUpForIntegrationWeek,
  ZUpdateIntegrationSession,
  ZWithdrawFromIntegrationWeek,
} from "@/lib/integration/week/schemas";
import {
  createIntegrationSession,
  signUpForIntegrationWeek,
  updateIntegrationSession,
  withdrawFromIntegrationWeek,
} from "@/lib/integration/week/service";

/** R-INT-1: a seat, or a place on the waiting list when the session is full. */
export const signUpForIntegrationWeekAction = actionFor("integrationWeek.signUp")
  .input(ZSignUpForIntegrationWeek)
  .action(async ({ input, ctx }) => {
    const result = await signUpForIntegrationWeek(ctx.viewer, input, ctx.requestId);
    refresh();
    return { status: result.status };
  });

/** R-INT-1: withdrawing frees the seat for the first waiting student, who is e-mailed. */
export const withdrawFromIntegrationWeekAction = actionFor("integrationWeek.withdraw")
  .input(ZWithdrawFromIntegrationWeek)
  .action(async ({ ctx }) => {
    const { movedUp } = await withdrawFromIntegrationWeek(ctx.viewer, ctx.requestId);
    await mailMovedUp(movedUp, ctx.requestId);
    refresh();
    return { withdrawn: true };
  });

export const createIntegrationSessionAction = actionFor("integrationWeek.createSession")
  .input(ZCreateIntegrationSession)
  .action(async ({ input, ctx }) => {
    await createIntegrationSession(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/integration", query: { done: "saved" } });
  });

export const updateIntegrationSessionAction = actionFor("integrationWeek.updateSession")
  .input(ZUpdateIntegrationSession)
  .action(async ({ input, ctx }) => {
    const { movedUp } = await updateIntegrationSession(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await mailMovedUp(movedUp, ctx.requestId);
    await redirectInLocale({ pathname: "/admin/integration", query: { done: "saved" } });
  });
