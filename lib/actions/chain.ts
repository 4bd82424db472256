import "server-only";
import { getTranslations } from "next-intl/server";
import { buildChains } from "@/lib/actions/build-chain";
import { type PermissionName, permissions } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { logError } from "@/lib/log";

/**
 * The one chain every server action is built on: public → signed in → role, chosen from the
 * permission table (lib/auth/permissions.ts). An action is
 * `xxxAction = actionFor("feature.xxx").input(ZSchema).action(async ({ input, ctx }) => …)`;
 * expected failures (DomainError) come back translated, anything else is logged with a
 * request id and answered generically. tests/unit/action-boundary.test.ts fails on any
 * "use server" export not built this way.
 */
const chains = buildChains({
  getViewer,
  getErrorTranslator: () => getTranslations("errors"),
  logError: ({ requestId, error }) => logError("action.unexpected", { requestId, error }),
});

type ChainFor<Who> = Who extends "anyone" ? typeof chains.publicAction : typeof chains.signedInAction;

/** The chain of a permission's row; the action it builds carries the permission's name. */
export function actionFor<Name extends PermissionName>(name: Name): ChainFor<(typeof permissions)[Name]["who"]> {
  const { who } = permissions[name];
  const chain =
    who === "anyone" ? chains.publicAction : who === "signedIn" ? chains.signedInAction : chains.roleChain([...who]);
  return chain.named(name) as ChainFor<(typeof permissions)[Name]["who"]>;
}
