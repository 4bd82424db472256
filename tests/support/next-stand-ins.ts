/**
 * Stand-ins for what only a Next request provides, for tests that call server actions and
 * route handlers directly: the translations (next-intl's request config), the cache refresh,
 * next-auth's session calls and locale-aware redirects. Everything else the actions touch is
 * real. Used from `vi.mock` factories (they must stay in each test file).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";

const root = path.resolve(import.meta.dirname, "../..");

function catalogue(namespace: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(path.join(root, "messages", "en", `${namespace.split(".")[0]}.json`), "utf8"),
  ) as Record<string, unknown>;
}

/** next-intl/server: English translations from the catalogues, outside any request. */
export function nextIntlServer() {
  return {
    getTranslations: async (options: string | { namespace: string }) => {
      const namespace = typeof options === "string" ? options : options.namespace;
      const t = createTranslator({
        locale: "en",
        messages: { [namespace.split(".")[0]!]: catalogue(namespace) },
        namespace: namespace as never,
      });
      return Object.assign(
        (key: string, values?: Record<string, string | number>) => t(key as never, values as never),
        { has: (key: string) => t.has(key as never) },
      );
    },
    getLocale: async () => "en",
  };
}

export const nextCache = { refresh: () => {}, revalidatePath: () => {} };

/** lib/auth/config.ts: next-auth's session calls need a request; here they do nothing. */
export const authConfig = { signIn: async () => {}, signOut: async () => {} };

/** lib/i18n/navigation.ts: a redirect ends the action the way Next's does (rethrown by the chain). */
export const navigation = {
  redirect: () => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/;307;" });
  },
};

export function isRedirect(error: unknown): boolean {
  return error instanceof Error && error.message === "NEXT_REDIRECT";
}

/** The English errors catalogue, to compare the chain's answers with. */
export const errorMessages = catalogue("errors") as Record<string, string>;
