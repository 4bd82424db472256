/**
 * Authorization, generated from the permission table (lib/auth/permissions.ts, ASVS V8): every
 * server action of the portal is called as each of seven principals — anonymous, two students,
 * correspondents of two components, an admin, a sponsor, an AMU student (issue 19) — and must refuse exactly those its row refuses
 * ("sign in" for anonymous, "not allowed" for a wrong role), before reading its input. A new
 * action without a row, or a row without an action, fails the test.
 *
 * The viewer comes from a stand-in for lib/auth/viewer.ts (the session cookie is Next's
 * business; the role check is what is tested here); everything else is real.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { isAllowed, type PermissionName, permissions } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { type Action, actionsByPermission } from "../support/actions";
import { errorMessages as errors, isRedirect } from "../support/next-stand-ins";
import { createComponent, createViewer } from "./fixtures";

const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());
vi.mock("next/cache", async () => (await import("../support/next-stand-ins")).nextCache);
vi.mock("@/lib/auth/config", async () => (await import("../support/next-stand-ins")).authConfig);
vi.mock("@/lib/i18n/navigation", async () => (await import("../support/next-stand-ins")).navigation);

const principals: Record<string, () => Viewer | null> = {};
let actions: Map<string, Action>;

beforeAll(async () => {
  const [componentX, componentY] = [await createComponent(), await createComponent()];
  const viewers = {
    "student A": await createViewer("STUDENT"),
    "student B": await createViewer("STUDENT"),
    "correspondent of X": await createViewer("CORRESPONDENT", [componentX.id]),
    "correspondent of Y": await createViewer("CORRESPONDENT", [componentY.id]),
    admin: await createViewer("ADMIN"),
    sponsor: await createViewer("SPONSOR"),
    "AMU student": await createViewer("AMU_STUDENT"),
  };
  principals.anonymous = () => null;
  for (const [name, viewer] of Object.entries(viewers)) principals[name] = () => viewer;
  actions = await actionsByPermission();
});

describe("the permission table and the actions are the same list", () => {
  it("every action has a row, every row an action", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(permissions).sort());
  });
});

const cases = Object.keys(permissions).flatMap((name) =>
  [
    "anonymous",
    "student A",
    "student B",
    "correspondent of X",
    "correspondent of Y",
    "admin",
    "sponsor",
    "AMU student",
  ].map((who) => [name as PermissionName, who] as const),
);

describe("each action, as each principal, refuses exactly whom its row refuses", () => {
  it.each(cases)("%s as %s", async (name, who) => {
    principal.viewer = principals[who]!();
    const permission = permissions[name];
    // A redirect is how an action that went through ends (signing out): a success here.
    const result = await actions.get(name)!({}).catch((error: unknown) => {
      if (isRedirect(error)) return { ok: true as const, data: null };
      throw error;
    });
    const refusal = result.ok ? null : result.message;
    if (isAllowed(permission, principal.viewer?.role ?? null)) {
      expect([errors.signInRequired, errors.forbidden]).not.toContain(refusal);
    } else {
      expect(refusal).toBe(principal.viewer ? errors.forbidden : errors.signInRequired);
    }
  });
});
