import "server-only";
import { getTranslations } from "next-intl/server";
import { buildChains } from "@/lib/actions/build-chain";
import { getViewer } from "@/lib/auth/viewer";

/**
 * The one chain every server action is built on: public → signed in → role.
 * An action is `xxxAction = <chain>.input(ZSchema).action(async ({ input, ctx }) => …)`;
 * expected failures (DomainError) come back translated, anything else is logged with a
 * request id and answered generically. tests/unit/action-boundary.test.ts fails on any
 * "use server" export not built this way.
 */
const chains = buildChains({
  getViewer,
  getErrorTranslator: () => getTranslations("errors"),
  logError: ({ requestId, error }) =>
    console.error(JSON.stringify({ level: "error", requestId, error: error instanceof Error ? error.stack : String(error) })),
});

export const publicAction = chains.publicAction;
export const signedInAction = chains.signedInAction;
export const studentAction = chains.roleChain(["STUDENT"]);
export const correspondentAction = chains.roleChain(["CORRESPONDENT"]);
/** Correspondents and admins: the staff who review. */
export const staffAction = chains.roleChain(["CORRESPONDENT", "ADMIN"]);
export const adminAction = chains.roleChain(["ADMIN"]);
