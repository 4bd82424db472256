import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import compileMessage from "icu-minify/compile";
import type { Messages } from "next-intl";
import formatMessage from "use-intl/format-message";
import { env } from "@/lib/env";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * Each namespace has its own file, messages/<locale>/<namespace>.json, so that features keep
 * their texts apart. The catalogue is read once per process (on every request in development,
 * so that edited texts show at once).
 */
const cache = new Map<AppLocale, Promise<Messages>>();

export function loadMessages(locale: AppLocale): Promise<Messages> {
  let messages = cache.get(locale);
  if (!messages || env().NODE_ENV === "development") {
    messages = readCatalogue(locale);
    cache.set(locale, messages);
  }
  return messages;
}

async function readCatalogue(locale: AppLocale): Promise<Messages> {
  const dir = path.join(process.cwd(), "messages", locale);
  const files = (await readdir(dir)).filter((file) => file.endsWith(".json")).sort();
  const entries = await Promise.all(
    files.map(
      async (file) => [path.basename(file, ".json"), JSON.parse(await readFile(path.join(dir, file), "utf8"))] as const,
    ),
  );
  const catalogue = Object.fromEntries(entries);
  // The type is the English catalogue's (lib/i18n/app-config.d.ts), read from the same files;
  // tests/unit/messages.test.ts checks that French has the same keys.
  return (formatMessage.raw ? catalogue : precompileCatalogue(catalogue)) as Messages;
}

// The compiler's select and plural branches are null-prototype objects, which React refuses to
// pass to client components: a JSON round trip makes them plain (as next-intl's own loader does).
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/**
 * In the Next build, next.config.ts swaps use-intl's message formatter for its format-only
 * one, so that browsers are not sent the ICU parser (about 8 KB gzip on every page): there
 * the messages are parsed here, once per process, into the compact form that formatter
 * reads. Outside the build (commands under tsx, tests) the formatter is the full one, which
 * `raw` says, and the messages stay strings.
 */
export function precompileCatalogue(catalogue: unknown): unknown {
  return plain(precompile(catalogue));
}

function precompile(node: unknown): unknown {
  if (typeof node === "string") return compileMessage(node);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, precompile(value)]));
}
