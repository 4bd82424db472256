"use server";

import { ZEndOtherSessions, ZEndSession } from "@/lib/account-sessions/schemas";
import { endOtherSessions, endOwnSession } from "@/lib/account-sessions/service";
import { actionFor } from "@/lib/actions/chain";
import { signOut } from "@/lib/auth/config";
import { redirectInLocale } from "@/lib/i18n/redirect";

const sessionsPage = "/account/sessions";

/** R-SEC-8: ends one of the viewer's sessions; ending the current one signs out here too. */
export const endSessionAction = actionFor("accountSessions.end")
  .input(ZEndSession)
  .action(async ({ input, ctx }) => {
    await endOwnSession(ctx.viewer, input.sessionId, ctx.requestId);
    if (input.sessionId === ctx.viewer.sessionId) {
      await signOut({ redirect: false });
      await redirectInLocale("/");
    }
    await redirectInLocale({ pathname: sessionsPage, query: { done: "ended" } });
  });

/** R-SEC-8: "sign out everywhere else": every session but this one ends. */
export const endOtherSessionsAction = actionFor("accountSessions.endOthers")
  .input(ZEndOtherSessions)
  .action(async ({ ctx }) => {
    await endOtherSessions(ctx.viewer, ctx.requestId);
    await redirectInLocale({ pathname: sessionsPage, query: { done: "endedOthers" } });
  });
