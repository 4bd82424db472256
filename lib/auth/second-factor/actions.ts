"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { actionFor } from "@/lib/actions/chain";
import { homePathByRole, pathWithoutLocale, safeCallbackPath } from "@/lib/auth/home";
import { getPendingSignIn } from "@/lib/auth/pending-sign-in";
import { requestClient } from "@/lib/auth/request-client";
import { ZConfirmEnrolment, ZNoInput, ZVerifyCode } from "@/lib/auth/second-factor/schemas";
import {
  type CodeOutcome,
  completeSignInWithCode,
  confirmEnrolment,
  disableSecondFactor,
  startEnrolment,
} from "@/lib/auth/second-factor/service";
import { getViewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { redirectInLocale } from "@/lib/i18n/redirect";

/** The sign-in's second step: the pending session in this browser's cookie is the proof. */
export const verifySecondFactorAction = actionFor("secondFactor.verifyCode")
  .input(ZVerifyCode)
  .action(async ({ input }) => {
    const pending = await getPendingSignIn();
    if (pending?.step !== "SECOND_FACTOR") throw new DomainError("secondFactorSessionExpired");
    const outcome = await completeSignInWithCode(pending, input.code, requestClient(await headers()));
    if (!outcome.ok) throw refusalOf(outcome);
    // The session cookie did not change (its row did): the layouts, rendered signed out, must be redrawn.
    refresh();
    const callback = safeCallbackPath(input.callbackUrl);
    await redirectInLocale(callback ? pathWithoutLocale(callback) : homePathByRole[pending.role]);
  });

function refusalOf(outcome: Exclude<CodeOutcome, { ok: true }>): DomainError {
  switch (outcome.reason) {
    case "throttled":
      return new DomainError("signInThrottled", { minutes: Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)) });
    case "replayed":
      return new DomainError("secondFactorReplayed", {}, "code");
    case "recoveryUsed":
      return new DomainError("secondFactorRecoveryUsed", {}, "code");
    case "wrong":
      return new DomainError("secondFactorCodeWrong", {}, "code");
  }
}

/**
 * Who is enrolling: the signed-in person (account page), or a password sign-in that must
 * enrol before it opens anything (R-MFA-4), with the page each comes back to.
 */
async function enrollingPerson() {
  const viewer = await getViewer();
  if (viewer) return { person: viewer, pendingSessionId: null, page: "/account/second-factor" as const };
  const pending = await getPendingSignIn();
  if (pending?.step === "ENROLMENT") {
    const person = { id: pending.userId, role: pending.role };
    return { person, pendingSessionId: pending.sessionId, page: "/login/second-factor/setup" as const };
  }
  throw new DomainError("secondFactorSessionExpired");
}

export const startEnrolmentAction = actionFor("secondFactor.startEnrolment")
  .input(ZNoInput)
  .action(async () => {
    const { person, page } = await enrollingPerson();
    await startEnrolment(person);
    await redirectInLocale(page);
  });

/** Answers the ten recovery codes, shown once by the form, and where to go on from there. */
export const confirmEnrolmentAction = actionFor("secondFactor.confirmEnrolment")
  .input(ZConfirmEnrolment)
  .action(async ({ input, ctx }) => {
    const { person, pendingSessionId, page } = await enrollingPerson();
    const recoveryCodes = await confirmEnrolment(person, input.code, pendingSessionId, ctx.requestId);
    if (pendingSessionId) refresh();
    return { recoveryCodes, next: pendingSessionId ? homePathByRole[person.role] : page };
  });

export const disableSecondFactorAction = actionFor("secondFactor.disable")
  .input(ZNoInput)
  .action(async ({ ctx }) => {
    await disableSecondFactor(ctx.viewer, ctx.requestId);
    await redirectInLocale({ pathname: "/account/second-factor", query: { done: "disabled" } });
  });
