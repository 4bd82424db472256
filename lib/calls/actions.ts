"use server";

import { actionFor } from "@/lib/actions/chain";
import { ZCreateCall, ZGrantLateSubmission, ZUpdateCall } from "@/lib/calls/schemas";
import { createCall, grantLateSubmission, updateCall } from "@/lib/calls/service";
import { redirectInLocale } from "@/lib/i18n/redirect";

export const createCallAction = actionFor("calls.createCall")
  .input(ZCreateCall)
  .action(async ({ input, ctx }) => {
    const { id } = await createCall(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/calls/${id}`, query: { done: "saved" } });
  });

export const updateCallAction = actionFor("calls.updateCall")
  .input(ZUpdateCall)
  .action(async ({ input, ctx }) => {
    await updateCall(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/calls", query: { done: "saved" } });
  });

/** R-ELI-8: one student's exception to the deadline, with its reason (audited). */
export const grantLateSubmissionAction = actionFor("calls.grantLateSubmission")
  .input(ZGrantLateSubmission)
  .action(async ({ input, ctx }) => {
    await grantLateSubmission(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/calls/${input.callId}`, query: { done: "exception" } });
  });
