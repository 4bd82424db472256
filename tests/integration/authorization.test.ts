/**
 * Authorization, generated from the permission table (lib/auth/permissions.ts, ASVS V8): every
 * server action of the portal is called as each of six principals — anonymous, two students,
 * correspondents of two components, an admin — and must refuse exactly those its row refuses
 * ("sign in" for anonymous, "not allowed" for a wrong role), before reading its input. A new
 * action without a row, or a row without an action, fails the test.
 *
 * The viewer comes from a stand-in for lib/auth/viewer.ts (the session cookie is Next's
 * business; the role check is what is tested here); everything else is real.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { isAllowed, permissions, type PermissionName } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { createComponent, createViewer } from "./fixtures";

const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidatePath: () => {} }));
// Sessions are next-auth's, which needs a request: signing out "works" here when allowed.
vi.mock("@/lib/auth/config", () => ({ signIn: async () => {}, signOut: async () => {} }));
// Locale-aware navigation is next-intl's client code; an action that passes its checks may
// redirect, which is then a success here.
vi.mock("@/lib/i18n/navigation", () => ({
  redirect: () => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/;307;" });
  },
}));
vi.mock("next-intl/server", async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const catalogue = (namespace: string) => JSON.parse(readFileSync(path.join(root, "messages", "en", `${namespace}.json`), "utf8")) as Record<string, unknown>;
  return {
    getTranslations: async (options: string | { namespace: string }) => {
      const namespace = typeof options === "string" ? options : options.namespace;
      const t = createTranslator({ locale: "en", messages: { [namespace]: catalogue(namespace) }, namespace });
      return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
    },
    getLocale: async () => "en",
  };
});

const errors = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages/en/errors.json"), "utf8")) as Record<string, string>;
type Action = ((input: unknown) => Promise<ActionResult<unknown>>) & { permission?: string };

/** Every `actions.ts` / `*-actions.ts` under lib/, imported; their exports by permission. */
async function actionsByPermission(): Promise<Map<string, Action>> {
  const lib = path.resolve(import.meta.dirname, "../../lib");
  const files = (readdirSync(lib, { recursive: true }) as string[]).filter((file) => /(^|\/)([\w-]+-)?actions\.ts$/.test(file) && !file.startsWith("actions/"));
  const found = new Map<string, Action>();
  for (const file of files) {
    const module = (await import(path.join(lib, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== "function") continue;
      const permission = (value as Action).permission;
      expect(permission, `${file}: ${name} names no permission`).toBeTruthy();
      expect(found.has(permission!), `${permission} is used twice`).toBe(false);
      found.set(permission!, value as Action);
    }
  }
  return found;
}

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
  ["anonymous", "student A", "student B", "correspondent of X", "correspondent of Y", "admin"].map((who) => [name as PermissionName, who] as const),
);

describe("each action, as each principal, refuses exactly whom its row refuses", () => {
  it.each(cases)("%s as %s", async (name, who) => {
    principal.viewer = principals[who]!();
    const permission = permissions[name];
    // A redirect is how an action that went through ends (signing out): a success here.
    const result = await actions.get(name)!({}).catch((error: unknown) => {
      if (error instanceof Error && error.message === "NEXT_REDIRECT") return { ok: true as const, data: null };
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
